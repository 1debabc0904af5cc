// Response schemas: value: estimate revisions, realised EBITDA and user feedback.
// For the OpenAPI document only (not validated at run time); each is checked against its DTO type below.
import "server-only";
import { z } from "zod";
import { STAGES } from "@/lib/lifecycle";
import type { FeedbackDto } from "../../feedback/feedback";
import type { ActualDto } from "../../value/actuals";
import type { EstimateDto } from "../../value/estimate-dto";
import { dateTime, decimal, type Equal, money, PersonSchema, perScenario } from "./common";

export const EstimateResponse = z.object({
  id: z.string(),
  stage: z.enum(STAGES),
  author: PersonSchema,
  createdAt: dateTime,
  ebitdaLow: money,
  ebitdaBase: money,
  ebitdaHigh: money,
  investment: money,
  runCostPerYear: money,
  horizonYears: z.number().int(),
  currency: z.string(),
  assumptions: z.string(),
  confidence: z.string().meta({ description: "LOW, MEDIUM or HIGH." }),
  netAnnual: perScenario(money).meta({ description: "ebitda - runCostPerYear, per scenario." }),
  roi: perScenario(decimal("(netAnnual * horizonYears - investment) / investment, 4 decimals.", "1.2500")),
  paybackMonths: perScenario(
    decimal("investment / (netAnnual / 12), 1 decimal; null when netAnnual <= 0.", "14.4").nullable(),
  ),
});

export const ActualResponse = z.object({
  id: z.string(),
  period: z.string().meta({ examples: ["2026-09"] }),
  ebitda: money.meta({ description: "Realised EBITDA of the month (may be negative)." }),
  currency: z.string(),
  note: z.string(),
  author: PersonSchema,
  createdAt: dateTime,
});

export const FeedbackResponse = z.object({
  id: z.string(),
  text: z.string(),
  rating: z.number().int().nullable(),
  stage: z.string(),
  author: PersonSchema,
  createdAt: dateTime,
});

/** Fails to compile when a response schema and its DTO type drift apart. */
export const VALUE_SCHEMAS_MATCH_DTOS: {
  Estimate: Equal<z.infer<typeof EstimateResponse>, EstimateDto>;
  Actual: Equal<z.infer<typeof ActualResponse>, ActualDto>;
  Feedback: Equal<z.infer<typeof FeedbackResponse>, FeedbackDto>;
} = {
  Estimate: true,
  Actual: true,
  Feedback: true,
};
