// Bad-input targets: estimates, actuals and feedback.
import { atUseCase, type Target, today } from "./kit";

export const VALUE_TARGETS: Record<string, Target> = {
  createEstimate: {
    as: "ADMIN",
    money: ["ebitdaLow", "ebitdaBase", "ebitdaHigh", "investment", "runCostPerYear"],
    setup: (ctx) =>
      atUseCase(ctx, {}, async () => ({
        ebitdaLow: "100",
        ebitdaBase: "200",
        ebitdaHigh: "300",
        investment: "50",
        runCostPerYear: "10",
        horizonYears: 3,
        currency: "EUR",
        assumptions: "Measured in the pilot",
        confidence: "MEDIUM",
      })),
  },
  createActual: {
    as: "ADMIN",
    money: ["ebitda"],
    setup: (ctx) =>
      atUseCase(ctx, { stage: "PRODUCTION" }, async () => ({
        period: today().slice(0, 7),
        ebitda: "1250.50",
        note: "First month",
      })),
  },
  createFeedback: {
    as: "BUSINESS",
    setup: (ctx) => atUseCase(ctx, {}, async () => ({ text: "Useful", rating: 4 })),
  },
};
