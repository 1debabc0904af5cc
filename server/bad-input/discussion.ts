// Bad-input ops at the domain layer: comments.
import { CommentSchema } from "@/lib/validation/comment";
import { createComment } from "../comments/create-comment";
import { atKey, type Op } from "./kit";

export const DISCUSSION_OPS: Record<string, Op> = {
  createComment: {
    as: "BUSINESS",
    schema: CommentSchema,
    setup: (ctx) => atKey(ctx, {}, createComment, async () => ({ body: `Hello ${ctx.tag}`, mentions: [] })),
  },
};
