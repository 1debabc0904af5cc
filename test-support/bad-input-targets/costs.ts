// Bad-input targets: cost lines.
import { atUseCase, json, type Target, today, useCaseState, withActor } from "./kit";

export const COSTS_TARGETS: Record<string, Target> = {
  createCost: {
    as: "BUSINESS",
    money: ["amount"],
    setup: async (ctx) => {
      const prepared = await atUseCase(ctx, {}, async () => ({
        period: today().slice(0, 7),
        category: "CLOUD",
        amount: "1250.50",
        note: "Cloud bill",
      }));
      const { uc } = prepared;
      return {
        ...prepared,
        snapshot: withActor(ctx, async () => ({
          useCase: await useCaseState(ctx.prisma, uc.id),
          costs: json(await ctx.prisma.cost.findMany({ where: { useCaseId: uc.id }, orderBy: { id: "asc" } })),
        })),
      };
    },
  },
};
