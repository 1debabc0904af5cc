import "server-only";
import type { z } from "zod";
import type { BenefitArea, Stage, UseCaseStatus } from "@/lib/lifecycle";
import { formatKey } from "@/lib/lifecycle";
import type { RiskTier } from "@/lib/risk-screening";
import type { UseCaseResponse } from "../openapi/schemas/use-cases";
import type { Priority } from "../priority/priority-of";

type Decimalish = { toFixed(digits: number): string } | null;

export type UseCaseRow = {
  id: string;
  number: number;
  title: string;
  summary: string;
  output: string;
  outcome: string;
  pocResult: string;
  benefitArea: BenefitArea | null;
  ebitdaLow: Decimalish;
  ebitdaBase: Decimalish;
  ebitdaHigh: Decimalish;
  currency: string;
  stage: Stage;
  status: UseCaseStatus;
  stageEnteredAt: Date;
  ownerId: string;
  sponsorId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  riskTier?: RiskTier | null;
  tags?: string[];
  owner?: { id: string; name: string } | null;
  sponsor?: { id: string; name: string } | null;
};

/** The public shape of a use case (docs/api-v1.md): money as decimal strings, dates ISO. */
export type UseCaseDto = z.infer<typeof UseCaseResponse>;

const money = (value: Decimalish) => (value == null ? null : value.toFixed(2));

export function toUseCaseDto(row: UseCaseRow, priority: Priority): UseCaseDto {
  return {
    key: formatKey(row.number),
    title: row.title,
    summary: row.summary,
    output: row.output,
    outcome: row.outcome,
    pocResult: row.pocResult,
    stage: row.stage,
    status: row.status,
    benefitArea: row.benefitArea,
    ebitda: {
      low: money(row.ebitdaLow),
      base: money(row.ebitdaBase),
      high: money(row.ebitdaHigh),
      currency: row.currency,
    },
    ownerId: row.ownerId,
    sponsorId: row.sponsorId,
    owner: row.owner ? { id: row.owner.id, name: row.owner.name } : null,
    sponsor: row.sponsor ? { id: row.sponsor.id, name: row.sponsor.name } : null,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    riskTier: row.riskTier ?? null,
    tags: row.tags ?? [],
    priorityScore: priority.priorityScore,
    rank: priority.rank,
    previousRank: priority.previousRank,
  };
}

export const useCaseInclude = {
  owner: { select: { id: true, name: true } },
  sponsor: { select: { id: true, name: true } },
} as const;
