// Contract cases: estimates, actuals and feedback.
import { api, type Case, prototype, seedUseCase, today } from "./kit";

export const VALUE_CASES: Record<string, Case> = {
  listEstimates: {
    setup: async (ctx) => ({ params: { key: (await prototype(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  createEstimate: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: {
        ebitdaLow: "100",
        ebitdaBase: "200",
        ebitdaHigh: "300",
        investment: "50",
        runCostPerYear: "10",
        horizonYears: 3,
        currency: "EUR",
      },
    }),
  },
  listActuals: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, { stage: "PRODUCTION" });
      await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/actuals`, {
        period: today().slice(0, 7),
        ebitda: "1000",
      });
      return { params: { key: uc.key } };
    },
    noForbiddenRole: "every role reads every use case",
  },
  createActual: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx, { stage: "PRODUCTION" })).key },
      body: { period: today().slice(0, 7), ebitda: "1250.50", note: "First month" },
    }),
    repeat: 409,
    probes: [
      {
        label: "not in production",
        request: async (ctx, valid) => ({ ...valid, params: { key: (await seedUseCase(ctx)).key } }),
        status: 409,
      },
    ],
  },
  listFeedback: {
    setup: async (ctx) => ({ params: { key: (await prototype(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  createFeedback: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key }, body: { text: "Useful", rating: 4 } }),
    noForbiddenRole: "every role may give feedback",
  },
};
