// Bad-input targets: gate reviews, votes and conditions.
import { api, atUseCase, G1_READY, openReview, type Target, useCaseState, withActor } from "./kit";

export const GATES_TARGETS: Record<string, Target> = {
  requestGateReview: {
    as: "ADMIN",
    setup: (ctx) =>
      atUseCase(ctx, G1_READY, async () => ({ note: "Ready for G1", evidenceUrls: ["https://wiki.example.com/poc"] })),
  },
  decideGate: {
    as: "BUSINESS",
    setup: async (ctx) => {
      const { uc, reviewId } = await openReview(ctx);
      return {
        params: { id: reviewId },
        valid: async () => ({ decision: "GO", rationale: "The POC holds" }),
        snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)),
      };
    },
  },
  closeCondition: {
    as: "ADMIN",
    setup: async (ctx) => {
      const { uc, reviewId } = await openReview(ctx);
      const decision = {
        decision: "CONDITIONAL_GO",
        rationale: "Go, with a data contract",
        conditions: [
          {
            text: "Sign the data contract",
            ownerId: ctx.owner.id,
            dueOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
          },
        ],
      };
      const decided = (await api(ctx, "POST", `/api/v1/gates/${reviewId}/decisions`, decision, ctx.business)) as {
        conditions: { id: string }[];
      };
      const conditionId = decided.conditions[0]?.id;
      if (!conditionId) throw new Error("the decision created no condition");
      return { params: { id: conditionId }, snapshot: withActor(ctx, () => useCaseState(ctx.prisma, uc.id)) };
    },
  },
};
