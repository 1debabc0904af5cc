// Response schemas: gate reviews, their votes, conditions and estimate snapshots.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time; a shape built elsewhere is checked below.
import "server-only";
import { z } from "zod";
import { DECISIONS, GATE_STATUSES, ROLES, STAGES, STOP_REASONS } from "@/lib/lifecycle";
import type { closeCondition } from "../../gates/close-condition";
import { dateTime, day, type Equal, money, PersonSchema } from "./common";

export const EstimateSnapshotResponse = z.object({
  takenAt: dateTime,
  ebitda: z.object({ low: money.nullable(), base: money.nullable(), high: money.nullable(), currency: z.string() }),
  revision: z
    .object({
      id: z.string(),
      investment: money,
      runCostPerYear: money,
      horizonYears: z.number().int(),
      confidence: z.string(),
      createdAt: dateTime,
    })
    .nullable(),
});

export const ConditionResponse = z.object({
  id: z.string(),
  text: z.string(),
  owner: PersonSchema,
  dueOn: day,
  closedAt: dateTime.nullable(),
  closedBy: PersonSchema.nullable(),
  overdue: z.boolean().meta({ description: "Open and past its due date." }),
  tracked: z.boolean().meta({ description: "The review ended in a go with conditions." }),
});

export const GateResponse = z.object({
  id: z.string(),
  gate: z.string().meta({ examples: ["G1"] }),
  useCaseKey: z.string(),
  fromStage: z.enum(STAGES),
  toStage: z.enum(STAGES),
  status: z.enum(GATE_STATUSES),
  note: z.string(),
  evidenceUrls: z.array(z.string()),
  requestedBy: PersonSchema,
  requestedAt: dateTime,
  decision: z.enum(DECISIONS).nullable(),
  decidedBy: PersonSchema.nullable(),
  decidedAt: dateTime.nullable(),
  rationale: z.string().nullable(),
  stopReason: z.enum(STOP_REASONS).nullable(),
  revisitOn: day.nullable(),
  estimateSnapshot: EstimateSnapshotResponse.nullable(),
  awaiting: z.array(z.enum(ROLES)).meta({ description: "Decider roles that have not voted yet." }),
  votes: z.array(
    z.object({
      role: z.enum(ROLES),
      voter: PersonSchema,
      decision: z.enum(DECISIONS),
      rationale: z.string(),
      stopReason: z.enum(STOP_REASONS).nullable(),
      revisitOn: day.nullable(),
      at: dateTime,
      onBehalfOf: PersonSchema.nullable().meta({
        description: "A delegate's vote: the absent decider it was cast for (voter for onBehalfOf).",
      }),
    }),
  ),
  conditions: z.array(ConditionResponse),
  dueAt: dateTime
    .nullable()
    .meta({ description: "The review's deadline (working days from the request, per gate; Settings)." }),
  overdue: z.boolean().meta({ description: "Still open after dueAt." }),
  due: z
    .object({
      overdue: z.boolean(),
      days: z.number().int().meta({ description: "Working days until dueAt, or since it when overdue." }),
      label: z.string().meta({ examples: ["due in 3 working days", "overdue by 2 working days"] }),
    })
    .nullable()
    .meta({ description: "How the deadline reads now; null once the review is closed." }),
});

export const ConditionClosedResponse = z.object({ useCaseKey: z.string() });

/** Fails to compile when a response schema and its DTO type drift apart. */
export const GATES_SCHEMAS_MATCH_DTOS: {
  ConditionClosed: Equal<z.infer<typeof ConditionClosedResponse>, Awaited<ReturnType<typeof closeCondition>>>;
} = {
  ConditionClosed: true,
};
