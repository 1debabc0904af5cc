import "server-only";
import type { z } from "zod";
import type { Stage } from "@/lib/lifecycle";
import { computeFigures } from "@/lib/value";
import type { EstimateResponse } from "../openapi/schemas/value";

type Decimalish = { toFixed(digits: number): string };

export type EstimateDto = z.infer<typeof EstimateResponse>;

export const estimateInclude = { author: { select: { id: true, name: true } } } as const;

export function toEstimateDto(row: {
  id: string;
  stage: Stage;
  author: { id: string; name: string };
  createdAt: Date;
  ebitdaLow: Decimalish;
  ebitdaBase: Decimalish;
  ebitdaHigh: Decimalish;
  investment: Decimalish;
  runCostPerYear: Decimalish;
  horizonYears: number;
  currency: string;
  assumptions: string;
  confidence: string;
}): EstimateDto {
  const amounts = {
    ebitdaLow: row.ebitdaLow.toFixed(2),
    ebitdaBase: row.ebitdaBase.toFixed(2),
    ebitdaHigh: row.ebitdaHigh.toFixed(2),
    investment: row.investment.toFixed(2),
    runCostPerYear: row.runCostPerYear.toFixed(2),
  };
  return {
    id: row.id,
    stage: row.stage,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    ...amounts,
    horizonYears: row.horizonYears,
    currency: row.currency,
    assumptions: row.assumptions,
    confidence: row.confidence,
    ...computeFigures({ ...amounts, horizonYears: row.horizonYears }),
  };
}
