// Contract cases: the portfolio summary and a use case's plan.
import { type Case, inDays, seedUseCase } from "./kit";

export const PORTFOLIO_CASES: Record<string, Case> = {
  getPortfolioSummary: {
    setup: async () => ({ query: { benefitArea: "COST_REDUCTION" } }),
    noForbiddenRole: "every role reads the portfolio",
    invalid: () => [{ query: { colour: "blue" } }],
  },
  getPlan: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key } }),
    noForbiddenRole: "every role reads every use case's plan",
  },
  setPlan: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: { version: 0, prototype: inDays(-10), packaging: inDays(30), production: inDays(90) },
    }),
    // The same first plan again: version 0 is stale now.
    repeat: 409,
    invalid: (valid) => [
      { ...valid, body: { version: 0, prototype: inDays(90), production: inDays(30) } },
      { ...valid, body: { version: 0, packaging: "2027-02-30" } },
    ],
  },
};
