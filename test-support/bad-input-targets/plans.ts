// Bad-input targets: a use case's plan.
import { atUseCase, type Target, withActor } from "./kit";

export const PLANS_TARGETS: Record<string, Target> = {
  setPlan: {
    as: "BUSINESS",
    setup: async (ctx) => {
      const prepared = await atUseCase(ctx, {}, async (uc) => {
        const plan = await ctx.prisma.useCasePlan.findUnique({ where: { useCaseId: uc.id } });
        return {
          version: plan?.version ?? 0,
          prototype: "2027-01-15",
          packaging: "2027-04-01",
          production: "2027-09-30",
        };
      });
      return {
        ...prepared,
        snapshot: withActor(ctx, async () => ({
          plan: await ctx.prisma.useCasePlan.findUnique({
            where: { useCaseId: prepared.uc.id },
            select: { prototypeOn: true, packagingOn: true, productionOn: true, version: true },
          }),
          revisions: await ctx.prisma.planRevision.count({ where: { useCaseId: prepared.uc.id } }),
        })),
      };
    },
  },
};
