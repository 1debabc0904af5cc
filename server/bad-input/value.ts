// Bad-input ops at the domain layer: estimates, actuals and feedback.
import { FeedbackSchema } from "@/lib/validation/gate";
import { ActualSchema, EstimateSchema } from "@/lib/validation/value";
import { createFeedback } from "../feedback/feedback";
import { createActual } from "../value/actuals";
import { createEstimate } from "../value/estimates";
import { atKey, type Op } from "./kit";

export const VALUE_OPS: Record<string, Op> = {
  createEstimate: {
    as: "ADMIN",
    schema: EstimateSchema,
    money: ["ebitdaLow", "ebitdaBase", "ebitdaHigh", "investment", "runCostPerYear"],
    setup: (ctx) =>
      atKey(ctx, {}, createEstimate, async () => ({
        ebitdaLow: "100",
        ebitdaBase: "200",
        ebitdaHigh: "300",
        investment: "50",
        runCostPerYear: "10",
        horizonYears: 3,
        currency: "EUR",
      })),
  },
  createActual: {
    as: "ADMIN",
    schema: ActualSchema,
    money: ["ebitda"],
    setup: (ctx) =>
      atKey(ctx, { stage: "PRODUCTION" }, createActual, async () => ({
        period: today().slice(0, 7),
        ebitda: "1250.50",
        note: "First",
      })),
  },
  createFeedback: {
    as: "BUSINESS",
    schema: FeedbackSchema,
    setup: (ctx) => atKey(ctx, {}, createFeedback, async () => ({ text: "Useful", rating: 4 })),
  },
};

const today = () => new Date().toISOString().slice(0, 10);
