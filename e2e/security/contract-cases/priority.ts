// Contract cases: the scoring model and a use case's scores.
import { api, type Case, seedUseCase } from "./kit";

/** The current model as the PUT takes it (the same criteria: a new version that moves no rank). */
async function currentModelInput(ctx: Parameters<Case["setup"]>[0]) {
  const { json } = await api(ctx, "ADMIN", "GET", "/api/v1/scoring-model");
  const { formula, criteria, ebitdaBands, version } = json as {
    formula: string;
    criteria: unknown[];
    ebitdaBands: string[];
    version: number;
  };
  return { formula, criteria, ebitdaBands, expectedVersion: version };
}

export const PRIORITY_CASES: Record<string, Case> = {
  getScoringModel: { setup: async () => ({}) },
  updateScoringModel: {
    setup: async (ctx) => ({ body: await currentModelInput(ctx) }),
    adminOnly: true,
    // The same expectedVersion again is stale.
    repeat: 409,
    probes: [
      {
        label: "thresholds that go down",
        request: (_ctx, valid) => ({
          body: { ...(valid.body as object), ebitdaBands: ["500000", "100000", "1000000", "5000000"] },
        }),
        status: 422,
      },
    ],
  },
  getScores: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      await api(ctx, "BUSINESS", "PUT", `/api/v1/use-cases/${uc.key}/scores`, {
        scores: [{ criterion: "feasibility", value: 4, comment: "Done before" }],
      });
      return { params: { key: uc.key } };
    },
    noForbiddenRole: "every role reads every use case",
  },
  putScores: {
    // BUSINESS scores any use case; DATA_SCIENTIST and ADMIN only as owner or sponsor (403 here).
    as: "BUSINESS",
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: { scores: [{ criterion: "business-value", value: 5, comment: "Key result" }] },
    }),
    probes: [
      {
        label: "a derived criterion",
        request: (_ctx, valid) => ({ ...valid, body: { scores: [{ criterion: "risk", value: 3 }] } }),
        status: 422,
      },
    ],
  },
};
