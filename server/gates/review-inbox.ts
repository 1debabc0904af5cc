import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import {
  anyDeciders,
  type CriterionResult,
  decidersFor,
  evaluateCriteria,
  GATES,
  type GateFacts,
  gateOutOf,
  parseKey,
} from "@/lib/lifecycle";
import { type Actor, can } from "@/lib/permissions";
import { RISK_TIERS } from "@/lib/risk-screening";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { NO_PRIORITY } from "../priority/priority-of";
import { toUseCaseDto, type UseCaseDto, useCaseInclude } from "../use-cases/use-case-dto";
import { type GateDto, gateInclude, toGateDto } from "./gate-dto";
import { loadGateFactsOf } from "./load-gate-facts";
import { getHolidays } from "./review-calendar";

export type InboxEntry = { review: GateDto; useCase: UseCaseDto; criteria: CriterionResult[]; canDecide: boolean };

/** A page of the inbox, and a text that finds a use case by its key (UC-12) or title. */
export type InboxQuery = { q?: string; offset?: number; limit?: number };

/** The inbox's conditions: open reviews, waiting for the actor's role (all of them for an admin), matching `q`. */
function inboxWhere(actor: Actor, q: string | undefined): Prisma.GateReviewWhereInput {
  const text = q?.trim().slice(0, 200);
  const number = text ? parseKey(text) : null;
  return {
    status: "OPEN",
    ...(can(actor, "gate:decide") ? waitingFor(actor) : {}),
    ...(text
      ? {
          useCase: number != null ? { number } : { title: { contains: text, mode: "insensitive" } },
        }
      : {}),
  };
}

/**
 * Open reviews waiting for the actor's role (their role is a decider and has not voted,
 * and they did not request it), oldest first, `limit` of them from `offset` (200 at most).
 * An admin sees every open review, read-only.
 */
export async function listReviewInbox(actor: Actor, query: InboxQuery = {}): Promise<InboxEntry[]> {
  requirePermission(actor, "use-case:read");
  const decider = can(actor, "gate:decide");
  if (!decider && actor.role !== "ADMIN") return [];
  const rows = await db.gateReview.findMany({
    where: inboxWhere(actor, query.q),
    include: { ...gateInclude, useCase: { include: useCaseInclude } },
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    skip: Math.max(0, query.offset ?? 0),
    take: Math.min(200, Math.max(1, query.limit ?? 200)),
  });
  const [holidays, facts] = await Promise.all([getHolidays(), loadGateFactsOf(rows.map((row) => row.useCase))]);
  return rows.map((row, i) => {
    const gate = gateOutOf(row.fromStage);
    return {
      review: toGateDto(row, holidays),
      // The review page shows no priority: skip computing the ranked list for it.
      useCase: toUseCaseDto(row.useCase, NO_PRIORITY),
      criteria: gate ? evaluateCriteria(gate, facts[i] as GateFacts) : [],
      canDecide: decider,
    };
  });
}

/** How many reviews the inbox holds for the actor with `q` (its pages). */
export async function countInboxEntries(actor: Actor, q?: string): Promise<number> {
  requirePermission(actor, "use-case:read");
  if (!can(actor, "gate:decide") && actor.role !== "ADMIN") return 0;
  return db.gateReview.count({ where: inboxWhere(actor, q) });
}

/** How many open reviews wait for the actor (the sidebar badge). */
export async function countReviewInbox(actor: Actor): Promise<number> {
  if (!can(actor, "gate:decide")) return 0;
  return db.gateReview.count({ where: { status: "OPEN", ...waitingFor(actor) } });
}

/**
 * The open reviews the actor's role decides and has not voted on, that they did not request:
 * the gates their role always decides, and those their role decides for some tiers only
 * (RISK at G3 of a high-risk use case) when the use case has that tier.
 */
function waitingFor(actor: Actor): Prisma.GateReviewWhereInput {
  const byGate = GATES.filter((gate) => anyDeciders(gate).includes(actor.role)).map(
    (gate): Prisma.GateReviewWhereInput => {
      if (gate.deciders.includes(actor.role)) return { fromStage: gate.from };
      const tiers = RISK_TIERS.filter((tier) => decidersFor(gate, tier).includes(actor.role));
      return { fromStage: gate.from, useCase: { riskTier: { in: tiers } } };
    },
  );
  return { OR: byGate, votes: { none: { role: actor.role } }, requestedById: { not: actor.id } };
}
