// Contract cases: comment threads.
import { api, type Case, seedUseCase } from "./kit";

export const DISCUSSION_CASES: Record<string, Case> = {
  listComments: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      await api(ctx, "BUSINESS", "POST", `/api/v1/use-cases/${uc.key}/comments`, { body: "First" });
      return { params: { key: uc.key } };
    },
    noForbiddenRole: "every role reads every use case",
    invalid: (valid) => [{ ...valid, query: { __unknown: "1" } }],
    probes: [
      {
        label: "an unknown gateReviewId",
        request: (_ctx, valid) => ({ ...valid, query: { gateReviewId: "cnotareview000000000000" } }),
        status: 404,
      },
    ],
  },
  createComment: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key }, body: { body: `Hello ${ctx.tag}` } }),
    noForbiddenRole: "every role may comment",
    probes: [
      {
        label: "an unknown gateReviewId",
        request: (_ctx, valid) => ({ ...valid, body: { body: "On a review", gateReviewId: "cnotareview00000000000" } }),
        status: 404,
      },
    ],
  },
};
