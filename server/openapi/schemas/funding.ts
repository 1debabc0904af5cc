// Response schemas: funding-round snapshots and their comparison.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { STAGES, STATUSES } from "@/lib/lifecycle";
import { currency, dateTime, money, PersonSchema } from "./common";

export const FundingSnapshotSummaryResponse = z.object({
  id: z.string(),
  name: z.string().meta({ examples: ["Q3 2027 funding round"] }),
  takenAt: dateTime,
  createdBy: PersonSchema,
  modelVersion: z.number().int().meta({ description: "The scoring model version the scores were computed under." }),
  count: z.number().int().meta({ description: "How many scored use cases the ranked list held." }),
});

const SnapshotRowResponse = z.object({
  useCaseId: z.string(),
  key: z.string().meta({ examples: ["UC-12"] }),
  title: z.string(),
  stage: z.enum(STAGES),
  status: z.enum(STATUSES),
  rank: z.number().int(),
  priorityScore: z.number().meta({ description: "0–100, one decimal." }),
  criteria: z.record(z.string(), z.number().nullable()).meta({
    description:
      "Per criterion key: the value the total used (the mean of the scores to 0.01, or the derived 1–5); null when unscored.",
  }),
  ebitdaBase: money.nullable(),
  currency,
  costToDate: money.meta({ description: "Every cost recorded for the use case, in its currency." }),
});

export const FundingSnapshotResponse = FundingSnapshotSummaryResponse.extend({
  model: z.object({
    formula: z.enum(["WEIGHTED", "RICE"]),
    criteria: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        weight: z.number().int(),
        inverted: z.boolean(),
        derivedFrom: z.enum(["EBITDA_BASE", "RISK_TIER"]).nullable(),
      }),
    ),
  }),
  rows: z.array(SnapshotRowResponse).meta({ description: "The ranked list, by rank." }),
});

const MOVES = ["UP", "DOWN", "NEW", "DROPPED", "SAME"] as const;

export const FundingComparisonResponse = z.object({
  from: FundingSnapshotSummaryResponse,
  to: FundingSnapshotSummaryResponse,
  modelChanged: z.boolean(),
  counts: z.object({
    UP: z.number().int(),
    DOWN: z.number().int(),
    NEW: z.number().int(),
    DROPPED: z.number().int(),
    SAME: z.number().int(),
  }),
  moves: z
    .array(
      z.object({
        useCaseId: z.string(),
        key: z.string(),
        title: z.string(),
        change: z.enum(MOVES),
        rankBefore: z.number().int().nullable(),
        rankAfter: z.number().int().nullable(),
        scoreBefore: z.number().nullable(),
        scoreAfter: z.number().nullable(),
        movedBy: z
          .number()
          .int()
          .nullable()
          .meta({ description: "Places gained (positive) or lost (negative); null when it entered or left the list." }),
        reasons: z.array(
          z.object({
            kind: z.enum(["CRITERION", "STAGE", "STATUS", "ENTERED", "LEFT", "MODEL", "OTHERS"]),
            criterion: z.string().nullable(),
            before: z.string().nullable(),
            after: z.string().nullable(),
            text: z.string().meta({ examples: ["Feasibility 3.00 → 5.00"] }),
          }),
        ),
      }),
    )
    .meta({
      description:
        "Every use case that moved, entered, left, or changed in place: those with reasons of their own first, then the largest moves.",
    }),
});
