import "server-only";
import { formatKey } from "@/lib/lifecycle";
import {
  EMPTY_MODEL_CARD,
  MODEL_CARD_FIELD_IDS,
  MODEL_CARD_FIELDS,
  type ModelCardText,
  missingHighRiskFields,
} from "@/lib/model-card";
import type { RiskTier } from "@/lib/risk-screening";
import { db, type Tx } from "../db";
import { DomainError } from "../errors";
import { type ApprovedReleaseDto, approvedReleasesOf } from "../registry/gate-release";

/** The public shape of a use case's model card (docs/api-v1.md): its fields, flat, as PATCH takes them. */
export type ModelCardDto = ModelCardText & {
  useCaseKey: string;
  /** The use case's risk tier: HIGH makes the marked fields required before G2. */
  riskTier: RiskTier | null;
  /** The ids of the fields a high-risk use case must fill. */
  requiredForHigh: string[];
  /** The headings of those fields still empty (whatever the tier). */
  missingForHigh: string[];
  /** 0 while the card has not been written; send it back with the next change. */
  version: number;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
  /** What the passing gates approved (model version, run, commit), the latest decision first. */
  approvedReleases: ApprovedReleaseDto[];
};

type UseCaseRef = { id: string; number: number; riskTier: RiskTier | null };
type Row = ModelCardText & { version: number; updatedAt: Date; updatedById: string | null };

export async function toModelCardDto(
  useCase: UseCaseRef,
  row: Row | null,
  client: Tx | typeof db = db,
): Promise<ModelCardDto> {
  const text = Object.fromEntries(MODEL_CARD_FIELD_IDS.map((id) => [id, row?.[id] ?? ""])) as ModelCardText;
  const updatedBy = row?.updatedById
    ? await client.user.findUnique({ where: { id: row.updatedById }, select: { id: true, name: true } })
    : null;
  const approvedReleases = await approvedReleasesOf(useCase.id, client);
  return {
    useCaseKey: formatKey(useCase.number),
    riskTier: useCase.riskTier,
    ...EMPTY_MODEL_CARD,
    ...text,
    requiredForHigh: MODEL_CARD_FIELDS.filter((field) => field.requiredForHigh).map((field) => field.id),
    missingForHigh: missingHighRiskFields(text),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy,
    approvedReleases,
  };
}

export const staleModelCard = (current: ModelCardDto) =>
  new DomainError(
    "CONFLICT",
    "Someone else changed this model card after you opened it. Reload to see their changes.",
    {
      current,
    },
  );
