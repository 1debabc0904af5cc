import "server-only";
import { formatKey } from "@/lib/lifecycle";
import { type RiskCategory, type RiskStatus, riskScore } from "@/lib/risk-register";
import { DomainError } from "../errors";

/** The public shape of a risk register entry (docs/api-v1.md). */
export type RiskEntryDto = {
  id: string;
  useCaseKey: string;
  title: string;
  category: RiskCategory;
  likelihood: number;
  impact: number;
  /** likelihood × impact, 1 to 25. */
  score: number;
  mitigation: string;
  owner: { id: string; name: string } | null;
  dueOn: string | null;
  status: RiskStatus;
  acceptanceRationale: string;
  acceptedBy: { id: string; name: string } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

const person = { select: { id: true, name: true } } as const;
export const riskEntryInclude = { owner: person, useCase: { select: { number: true } } } as const;

type Row = {
  id: string;
  title: string;
  category: RiskCategory;
  likelihood: number;
  impact: number;
  mitigation: string;
  dueOn: Date | null;
  status: RiskStatus;
  acceptanceRationale: string;
  acceptedById: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  owner: { id: string; name: string } | null;
  useCase: { number: number };
};

/** `names`: the users an accepted risk may name (acceptedById has no relation, like the screening's history). */
export function toRiskEntryDto(row: Row, names: ReadonlyMap<string, { id: string; name: string }>): RiskEntryDto {
  return {
    id: row.id,
    useCaseKey: formatKey(row.useCase.number),
    title: row.title,
    category: row.category,
    likelihood: row.likelihood,
    impact: row.impact,
    score: riskScore(row),
    mitigation: row.mitigation,
    owner: row.owner,
    dueOn: row.dueOn ? row.dueOn.toISOString().slice(0, 10) : null,
    status: row.status,
    acceptanceRationale: row.acceptanceRationale,
    acceptedBy: row.acceptedById ? (names.get(row.acceptedById) ?? null) : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const staleRisk = (current: RiskEntryDto) =>
  new DomainError("CONFLICT", "Someone else changed this risk after you opened it. Reload to see their changes.", {
    current,
  });
