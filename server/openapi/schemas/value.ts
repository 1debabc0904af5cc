// Response schemas: value: estimate revisions, realised EBITDA and user feedback.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { STAGES } from "@/lib/lifecycle";
import { dateTime, decimal, money, PersonSchema, perScenario } from "./common";

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
