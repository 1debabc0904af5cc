import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Decision, GateStatus, Role, Stage, StopReason } from "@/lib/lifecycle";
import { decidersFor, formatKey, gateOutOf } from "@/lib/lifecycle";
import type { RiskTier } from "@/lib/risk-screening";
import { dueStatus } from "@/lib/working-days";
import type { ConditionResponse, GateResponse } from "../openapi/schemas/gates";
import type { EstimateSnapshot } from "./estimate-snapshot";

const person = { select: { id: true, name: true } } as const;

export const gateInclude = {
  useCase: { select: { number: true, riskTier: true } },
  requestedBy: person,
  decidedBy: person,
  votes: { include: { voter: person, onBehalfOf: person }, orderBy: { createdAt: "asc" } },
  conditions: { include: { owner: person, closedBy: person }, orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.GateReviewInclude;

type Person = { id: string; name: string };

type GateRow = {
  id: string;
  fromStage: Stage;
  toStage: Stage;
  status: GateStatus;
  note: string;
  evidenceUrls: string[];
  requestedAt: Date;
  decision: Decision | null;
  decidedAt: Date | null;
  rationale: string | null;
  stopReason: StopReason | null;
  revisitOn: Date | null;
  estimateSnapshot: unknown;
  dueAt?: Date | null;
  useCase: { number: number; riskTier?: RiskTier | null };
  requestedBy: Person;
  decidedBy: Person | null;
  votes: {
    role: Role;
    decision: Decision;
    rationale: string;
    stopReason: StopReason | null;
    revisitOn: Date | null;
    createdAt: Date;
    voter: Person;
    onBehalfOf?: Person | null;
  }[];
  conditions: {
    id: string;
    text: string;
    dueOn: Date;
    closedAt: Date | null;
    owner: Person;
    closedBy: Person | null;
  }[];
};

export type ConditionDto = z.infer<typeof ConditionResponse>;

/** The public shape of a gate review (docs/api-v1.md, "Gate"). */
export type GateDto = z.infer<typeof GateResponse>;

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
export const todayUtc = (now: Date = new Date()) => now.toISOString().slice(0, 10);

/**
 * The public shape of a review row. `holidays` (the settings') make the "due in N working days"
 * count right; without them only weekends are skipped in that count (dueAt itself is stored).
 */
export function toGateDto(row: GateRow, holidays: readonly string[] = []): GateDto {
  const definition = gateOutOf(row.fromStage);
  const voted = new Set(row.votes.map((vote) => vote.role));
  const today = todayUtc();
  const tracked = row.decision === "CONDITIONAL_GO";
  return {
    id: row.id,
    gate: definition?.id ?? "",
    useCaseKey: formatKey(row.useCase.number),
    fromStage: row.fromStage,
    toStage: row.toStage,
    status: row.status,
    note: row.note,
    evidenceUrls: row.evidenceUrls,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    decision: row.decision,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    rationale: row.rationale,
    stopReason: row.stopReason,
    revisitOn: day(row.revisitOn),
    estimateSnapshot: (row.estimateSnapshot as EstimateSnapshot | null) ?? null,
    awaiting:
      row.status === "OPEN" && definition
        ? decidersFor(definition, row.useCase.riskTier ?? null).filter((role) => !voted.has(role))
        : [],
    votes: row.votes.map((vote) => ({
      role: vote.role,
      voter: vote.voter,
      decision: vote.decision,
      rationale: vote.rationale,
      stopReason: vote.stopReason,
      revisitOn: day(vote.revisitOn),
      at: vote.createdAt.toISOString(),
      onBehalfOf: vote.onBehalfOf ?? null,
    })),
    conditions: row.conditions.map((condition) => {
      const dueOn = day(condition.dueOn) as string;
      return {
        id: condition.id,
        text: condition.text,
        owner: condition.owner,
        dueOn,
        closedAt: condition.closedAt?.toISOString() ?? null,
        closedBy: condition.closedBy,
        overdue: tracked && !condition.closedAt && dueOn < today,
        tracked,
      };
    }),
    ...reviewDue(row, holidays),
  };
}

function reviewDue(
  row: Pick<GateRow, "status" | "dueAt">,
  holidays: readonly string[],
): Pick<GateDto, "dueAt" | "overdue" | "due"> {
  const dueAt = row.dueAt ?? null;
  if (!dueAt) return { dueAt: null, overdue: false, due: null };
  const due = row.status === "OPEN" ? dueStatus(dueAt, new Date(), holidays) : null;
  return { dueAt: dueAt.toISOString(), overdue: due?.overdue ?? false, due };
}
