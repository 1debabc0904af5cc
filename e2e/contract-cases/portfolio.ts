// Contract cases: the portfolio summary.
import type { Case } from "./kit";

export const PORTFOLIO_CASES: Record<string, Case> = {
  getPortfolioSummary: {
    setup: async () => ({ query: { benefitArea: "COST_REDUCTION" } }),
    noForbiddenRole: "every role reads the portfolio",
    invalid: () => [{ query: { colour: "blue" } }],
  },
};
