// Bad-input targets: funding-round snapshots.
import { type Target, withActor } from "./kit";

export const FUNDING_TARGETS: Record<string, Target> = {
  createFundingSnapshot: {
    as: "BUSINESS",
    setup: async (ctx) => ({
      params: {},
      valid: async () => ({ name: `Fuzz round ${ctx.tag}` }),
      snapshot: withActor(ctx, async () => ({
        snapshots: await ctx.prisma.fundingSnapshot.count({ where: { createdById: ctx.actor.id } }),
      })),
      // Each accepted name froze the whole ranked list: they go, so the snapshot pages stay short.
      cleanup: async () => {
        await ctx.prisma.fundingSnapshot.deleteMany({ where: { createdById: ctx.actor.id } });
      },
    }),
  },
};
