// Comment threads. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import { CommentListQuerySchema, CommentSchema } from "@/lib/validation/comment";
import type { Endpoint } from "../endpoint";
import { CommentResponse } from "../schemas/discussion";

export const DISCUSSION_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/comments",
    operationId: "listComments",
    summary: "List a thread's comments",
    description: "The use case's own thread, or a gate review's with `gateReviewId`; oldest first.",
    tag: "Discussion",
    query: CommentListQuerySchema,
    success: {
      status: 200,
      description: "The comments.",
      schema: z.object({ items: z.array(CommentResponse) }),
    },
    errors: [401, 403, 404, 422],
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/comments",
    operationId: "createComment",
    summary: "Comment, and @mention people",
    description:
      "Plain text. `mentions` are user ids; the server keeps the active people whose `@Full Name` is in the text and notifies each once.",
    tag: "Discussion",
    body: { schema: CommentSchema },
    success: { status: 201, description: "The comment.", schema: CommentResponse },
    errors: [400, 401, 403, 404, 413, 422],
  },
];
