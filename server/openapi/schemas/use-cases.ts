// Response schemas: the use case's response shapes.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time; a shape built elsewhere is checked below.
import "server-only";
import { z } from "zod";
import { BENEFIT_AREAS, STAGES, STATUSES } from "@/lib/lifecycle";
import { RISK_TIERS } from "@/lib/risk-screening";
import { BULK_OUTCOMES, type BulkEditResult } from "@/lib/validation/bulk-edit";
import { dateTime, type Equal, money, PersonSchema } from "./common";

export const UseCaseResponse = z.object({
  key: z.string().meta({ description: "Like `UC-12`: unique, never reused.", examples: ["UC-12"] }),
  title: z.string(),
  summary: z.string(),
  output: z.string().meta({ description: "What the model predicts." }),
  outcome: z.string().meta({ description: "Why it matters." }),
  pocResult: z.string().meta({ description: "What the proof of concept showed." }),
  stage: z.enum(STAGES).meta({ description: "Changes only through gate decisions." }),
  status: z.enum(STATUSES),
  benefitArea: z.enum(BENEFIT_AREAS).nullable(),
  ebitda: z
    .object({ low: money.nullable(), base: money.nullable(), high: money.nullable(), currency: z.string() })
    .meta({ description: "Expected EBITDA per year (low <= base <= high), or nulls when not estimated yet." }),
  ownerId: z.string(),
  sponsorId: z.string().nullable(),
  owner: PersonSchema.nullable(),
  sponsor: PersonSchema.nullable(),
  stageEnteredAt: dateTime,
  version: z.number().int().meta({ description: "Send it back in a PATCH; each change adds 1." }),
  createdAt: dateTime,
  updatedAt: dateTime,
  riskTier: z
    .enum(RISK_TIERS)
    .nullable()
    .meta({ description: "The tier of the last submitted risk screening (EU AI Act); null before one is submitted." }),
  tags: z.array(z.string()).meta({
    description: 'Free-form labels, normalised (lower case, spaces as "-"), sorted. Filter with `?tag=`.',
    examples: [["churn", "retail"]],
  }),
  priorityScore: z.number().nullable().meta({
    description: "The weighted 0–100 under the current scoring model (one decimal); null before anything is scored.",
  }),
  rank: z
    .number()
    .int()
    .nullable()
    .meta({ description: "1 = fund first (score high to low, equal scores by key); null when unscored." }),
  previousRank: z.number().int().nullable().meta({
    description: "The rank under the scoring model's previous version; null when there is none or it was unscored.",
  }),
});

export const UseCasePageResponse = z.object({
  items: z.array(UseCaseResponse),
  nextCursor: z.string().nullable().meta({ description: "Pass it as `cursor` for the next page; null on the last." }),
});

export const TagListResponse = z.object({
  items: z.array(
    z.object({
      tag: z.string(),
      count: z.number().int().meta({ description: "How many use cases carry it." }),
    }),
  ),
});

export const BulkEditResponse = z.object({
  summary: z
    .object(
      Object.fromEntries(BULK_OUTCOMES.map((o) => [o, z.number().int()])) as Record<
        (typeof BULK_OUTCOMES)[number],
        z.ZodNumber
      >,
    )
    .meta({ description: "How many rows had each outcome." }),
  items: z.array(
    z.object({
      key: z.string(),
      outcome: z.enum(BULK_OUTCOMES).meta({
        description:
          "updated (written, one audit event), unchanged (already so), refused (see reason: permission, unknown key, tag limit) or conflict (saved by someone else: not written).",
      }),
      version: z.number().int().optional().meta({ description: "After the edit; for a conflict, the current one." }),
      reason: z.string().optional(),
    }),
  ),
});

/** BulkEditResult is declared in lib/ (the client reads it too): fails to compile when the two drift apart. */
export const USE_CASES_SCHEMAS_MATCH_DTOS: {
  BulkEdit: Equal<z.infer<typeof BulkEditResponse>, BulkEditResult>;
} = {
  BulkEdit: true,
};
