// Bad-input targets: comments.
import { atUseCase, type Target } from "./kit";

export const DISCUSSION_TARGETS: Record<string, Target> = {
  createComment: {
    as: "BUSINESS",
    setup: (ctx) => atUseCase(ctx, {}, async () => ({ body: `Hello ${ctx.tag}`, mentions: [] })),
  },
};
