// Bad-input targets: use cases.
import { atUseCase, type Target, withActor } from "./kit";

export const USE_CASES_TARGETS: Record<string, Target> = {
  createUseCase: {
    as: "DATA_SCIENTIST",
    money: ["ebitda.low", "ebitda.base", "ebitda.high"],
    setup: async (ctx) => ({
      params: {},
      valid: async () => ({
        title: `Fuzz ${ctx.tag}`,
        summary: "A summary",
        outcome: "An outcome",
        benefitArea: "COST_REDUCTION",
        ebitda: { low: "1", base: "2", high: "3", currency: "EUR" },
      }),
      snapshot: withActor(ctx, async () => ({
        owned: await ctx.prisma.useCase.count({ where: { ownerId: ctx.actor.id } }),
      })),
    }),
  },
  updateUseCase: {
    as: "ADMIN",
    money: ["ebitda.low", "ebitda.base", "ebitda.high"],
    setup: (ctx) =>
      atUseCase(ctx, {}, async (uc) => ({
        version: (await ctx.prisma.useCase.findUniqueOrThrow({ where: { id: uc.id } })).version,
        title: "Edited",
        outcome: "Kept",
        ebitda: { low: "10", base: "20", high: "30", currency: "EUR" },
      })),
  },
  bulkUpdateUseCases: {
    as: "ADMIN",
    setup: async (ctx) => {
      const prepared = await atUseCase(ctx, {}, async (uc) => ({
        keys: [uc.key],
        set: { benefitArea: "COST_REDUCTION", addTags: ["fuzz"], removeTags: ["old"] },
        expectedVersions: {
          [uc.key]: (await ctx.prisma.useCase.findUniqueOrThrow({ where: { id: uc.id } })).version,
        },
      }));
      // Only the tag is fuzzed as text: a key changed into another use case's would edit someone else's row.
      return { ...prepared, params: {}, textPaths: ["set.addTags.0"] };
    },
  },
  reopenUseCase: {
    as: "ADMIN",
    setup: (ctx) => atUseCase(ctx, { status: "STOPPED" }, async () => ({ reason: "The sponsor found budget" })),
  },
};
