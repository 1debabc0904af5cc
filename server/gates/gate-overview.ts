import "server-only";
import {
  type CriterionResult,
  decidersFor,
  evaluateCriteria,
  type GateDefinition,
  gateOutOf,
  PASSING_DECISIONS,
} from "@/lib/lifecycle";
import { type Actor, can, gateVoteRefusal } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type GateDto, gateInclude, toGateDto } from "./gate-dto";
import { loadGateFacts } from "./load-gate-facts";
import { getHolidays } from "./review-calendar";
import { type TierRaised, tierRaisedSince } from "./tier-raised";

export type Reopening = { at: string; by: string | null; reason: string };

export type GateOverview = {
  /** The gate out of the current stage; null in production. */
  next: Pick<GateDefinition, "id" | "name" | "from" | "to" | "deciders"> | null;
  criteria: CriterionResult[];
  openReview: GateDto | null;
  /** Every review, newest first. */
  history: GateDto[];
  reopenings: Reopening[];
  canRequest: boolean;
  /** Why the signed-in user cannot request now (null when they can). */
  requestBlocked: string | null;
  /** May the signed-in user vote on the open review? */
  canDecide: boolean;
  /** The tier rose since the last gate passed and re-opens criteria (null otherwise). */
  tierRaised: TierRaised | null;
};

/** What the use-case page shows about gates: what blocks the next one, the open review, the timeline. */
export async function getGateOverview(actor: Actor, key: string): Promise<GateOverview> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const gate = gateOutOf(useCase.stage);
  const [rows, facts, reopenEvents, holidays] = await Promise.all([
    db.gateReview.findMany({
      where: { useCaseId: useCase.id },
      include: gateInclude,
      orderBy: { requestedAt: "desc" },
    }),
    loadGateFacts(useCase),
    db.auditEvent.findMany({
      where: { entity: "UseCase", entityId: useCase.id, action: "use-case.reopen" },
      include: { actor: { select: { name: true } } },
      orderBy: { at: "desc" },
    }),
    getHolidays(),
  ]);
  const history = rows.map((row) => toGateDto(row, holidays));
  const openReview = history.find((review) => review.status === "OPEN") ?? null;
  const criteria = gate ? evaluateCriteria(gate, facts) : [];
  const passed = history.find((review) => review.decision && PASSING_DECISIONS.includes(review.decision));
  const tierRaised = await tierRaisedSince(
    useCase,
    passed?.decidedAt ? { gate: passed.gate, decidedAt: passed.decidedAt } : null,
    facts,
  );
  const allowed = can(actor, "gate:request", useCase);
  const requestBlocked = !gate
    ? "This use case is in production: there is no gate after it."
    : useCase.status === "STOPPED"
      ? "This use case was stopped. An admin must reopen it first."
      : openReview
        ? "A review is already open."
        : criteria.some((criterion) => !criterion.met)
          ? "Some entry criteria are not met yet."
          : null;
  return {
    next: gate
      ? { id: gate.id, name: gate.name, from: gate.from, to: gate.to, deciders: decidersFor(gate, useCase.riskTier) }
      : null,
    criteria,
    openReview,
    history,
    reopenings: reopenEvents.map((event) => ({
      at: event.at.toISOString(),
      by: event.actor?.name ?? null,
      reason: String((event.after as { reason?: string } | null)?.reason ?? ""),
    })),
    canRequest: allowed && requestBlocked == null,
    requestBlocked: allowed ? requestBlocked : null,
    canDecide:
      openReview != null &&
      gate != null &&
      openReview.awaiting.includes(actor.role) &&
      gateVoteRefusal(actor, gate, {
        requestedById: openReview.requestedBy.id,
        sponsorId: useCase.sponsorId,
        riskTier: useCase.riskTier,
      }) == null,
    tierRaised,
  };
}
