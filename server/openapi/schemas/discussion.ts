// Response schemas: comments.
// For the OpenAPI document only (not validated at run time); each is checked against its DTO type below.
import "server-only";
import { z } from "zod";
import type { CommentDto } from "../../comments/comment-dto";
import { dateTime, type Equal, PersonSchema } from "./common";

export const CommentResponse = z.object({
  id: z.string(),
  useCaseKey: z.string(),
  gateReviewId: z.string().nullable(),
  author: PersonSchema,
  body: z.string().meta({ description: "Plain text, as written (render it escaped)." }),
  mentions: z.array(PersonSchema),
  createdAt: dateTime,
});

/** Fails to compile when a response schema and its DTO type drift apart. */
export const DISCUSSION_SCHEMAS_MATCH_DTOS: {
  Comment: Equal<z.infer<typeof CommentResponse>, CommentDto>;
} = {
  Comment: true,
};
