// Bad-input targets: the scoring model and a use case's scores.
import { atUseCase, json, type Target, withActor } from "./kit";

export const PRIORITY_TARGETS: Record<string, Target> = {
  updateScoringModel: {
    as: "ADMIN",
    setup: async (ctx) => {
      const current = async () => {
        const response = await ctx.request.get("/api/v1/scoring-model", {
          headers: { authorization: `Bearer ${ctx.admin.token}` },
        });
        const { formula, criteria, ebitdaBands, version } = (await response.json()) as Record<string, unknown>;
        return { formula, criteria, ebitdaBands, expectedVersion: version };
      };
      return {
        params: {},
        valid: current,
        // The model is shared: a body the schema accepts is sent as the current model (a new
        // version that moves no rank), so the fuzz never changes what others test.
        neutralise: async () => current(),
        snapshot: withActor(ctx, async () =>
          json(
            await ctx.prisma.scoringModel.findFirst({
              orderBy: { version: "desc" },
              select: { formula: true, criteria: true, ebitdaBands: true },
            }),
          ),
        ),
      };
    },
  },
  putScores: {
    as: "BUSINESS",
    setup: async (ctx) => {
      const prepared = await atUseCase(ctx, {}, async () => ({
        scores: [{ criterion: "feasibility", value: 4, comment: "Done before elsewhere" }],
      }));
      const { uc } = prepared;
      return {
        ...prepared,
        snapshot: withActor(ctx, async () =>
          json(
            await ctx.prisma.useCaseScore.findMany({
              where: { useCaseId: uc.id },
              select: { criterion: true, scorerId: true, value: true, comment: true },
              orderBy: { id: "asc" },
            }),
          ),
        ),
      };
    },
  },
};
