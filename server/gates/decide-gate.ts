import "server-only";
import { isChecklistStage } from "@/lib/checklist-templates";
import {
  DECISION_LABELS,
  type Decision,
  decidersFor,
  evaluateCriteria,
  formatKey,
  type GateDefinition,
  gateOutOf,
  PASSING_DECISIONS,
  ROLE_LABELS,
  reviewOutcome,
} from "@/lib/lifecycle";
import { type Actor, gateVoteRefusal } from "@/lib/permissions";
import type { RiskTier } from "@/lib/risk-screening";
import { DecisionSchema } from "@/lib/validation/gate";
import { recordEvent } from "../audit/record-event";
import { ensureTemplate, instantiateChecklist } from "../checklists/templates";
import { db, type Tx } from "../db";
import { inForceWhere } from "../delegations/delegation-dto";
import { DomainError, forbidden, notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import { metrics } from "../metrics/metrics";
import { notify } from "../notifications/notify";
import { lockUseCase } from "../use-cases/find-use-case";
import { enqueueWebhookEvent } from "../webhooks/enqueue";
import { takeEstimateSnapshot } from "./estimate-snapshot";
import { type GateDto, gateInclude, toGateDto } from "./gate-dto";
import { loadGateFacts } from "./load-gate-facts";

const dateOf = (day: string | undefined) => (day ? new Date(`${day}T00:00:00Z`) : null);

/**
 * Record a decider's vote on an open gate review. A PAUSE or STOP from any required
 * decider closes the review at once; it passes when every required role has voted GO or
 * CONDITIONAL_GO, and then the use case moves to the next stage in the same transaction.
 * Votes on one use case queue on its row lock: simultaneous deciders or a double click
 * give one outcome, and the late vote gets a CONFLICT.
 */
export async function decideGate(actor: Actor, reviewId: string, input: unknown): Promise<GateDto> {
  requireFindableId(reviewId, "Gate review");
  const found = await db.gateReview.findUnique({
    where: { id: reviewId },
    select: {
      useCaseId: true,
      fromStage: true,
      requestedById: true,
      useCase: { select: { sponsorId: true, riskTier: true } },
    },
  });
  if (!found) throw notFound("Gate review");
  const gate = gateOutOf(found.fromStage);
  if (!gate) throw notFound("Gate review");
  const refusal = gateVoteRefusal(actor, gate, {
    requestedById: found.requestedById,
    sponsorId: found.useCase.sponsorId,
    riskTier: found.useCase.riskTier,
  });
  if (refusal === "role") throw roleRefused(gate, found.useCase.riskTier);
  if (refusal === "requester") throw forbidden("You requested this review, so you cannot decide it.");
  if (refusal === "sponsor")
    throw forbidden(
      `You sponsor this use case, so gate ${gate.id} is decided by another ${gate.deciders.join(" or ")} user.`,
    );
  const data = parseInput(DecisionSchema, input);
  if (data.onBehalfOf) await requireDelegation(actor, data.onBehalfOf, found.requestedById);
  await checkConditionOwners(data.conditions ?? []);
  if (isChecklistStage(gate.to)) await ensureTemplate(db, gate.to);

  const decided = await db.$transaction(async (tx) => {
    await lockUseCase(tx, found.useCaseId);
    const review = await tx.gateReview.findUniqueOrThrow({ where: { id: reviewId }, include: gateInclude });
    if (review.status !== "OPEN")
      throw new DomainError("CONFLICT", "This review is already decided.", { current: toGateDto(review) });
    if (review.votes.some((vote) => vote.role === actor.role))
      throw new DomainError("CONFLICT", "Your role has already voted on this review.", { current: toGateDto(review) });
    // The tier read under the lock: a tier raised since the review opened adds its deciders.
    const { riskTier } = await tx.useCase.findUniqueOrThrow({
      where: { id: found.useCaseId },
      select: { riskTier: true },
    });
    const deciders = decidersFor(gate, riskTier);
    if (!deciders.includes(actor.role)) throw roleRefused(gate, riskTier);
    const votes = [...review.votes, { role: actor.role, decision: data.decision }];
    const closing = reviewOutcome(deciders, votes);
    if (closing && PASSING_DECISIONS.includes(closing)) await requireCriteriaStillMet(tx, gate, review.useCaseId);

    await tx.gateVote.create({
      data: {
        reviewId,
        role: actor.role,
        voterId: actor.id,
        decision: data.decision,
        rationale: data.rationale,
        stopReason: data.decision === "STOP" ? data.stopReason : null,
        revisitOn: data.decision === "PAUSE" ? dateOf(data.revisitOn) : null,
        onBehalfOfId: data.onBehalfOf ?? null,
      },
    });
    for (const condition of data.conditions ?? []) {
      await tx.gateCondition.create({
        data: { reviewId, text: condition.text, ownerId: condition.ownerId, dueOn: dateOf(condition.dueOn) as Date },
      });
    }
    await recordEvent(tx, {
      actorId: actor.id,
      action: "gate.vote",
      entity: "GateReview",
      entityId: reviewId,
      after: {
        role: actor.role,
        decision: data.decision,
        rationale: data.rationale,
        ...(data.onBehalfOf ? { onBehalfOf: data.onBehalfOf } : {}),
      },
    });

    if (closing) await closeReview(tx, actor, reviewId, closing, data);
    return toGateDto(await tx.gateReview.findUniqueOrThrow({ where: { id: reviewId }, include: gateInclude }));
  });
  if (decided.decision) metrics.gateDecisions.inc({ gate: gate.id, decision: decided.decision });
  return decided;
}

function roleRefused(gate: GateDefinition, tier: RiskTier | null) {
  const deciders = decidersFor(gate, tier);
  const byTier = deciders.length > gate.deciders.length ? " (the high risk tier adds the risk officer)" : "";
  const who = `${deciders.map((role) => ROLE_LABELS[role]).join(" and ")}${byTier}`;
  return forbidden(`Gate ${gate.id} is decided by ${who}; your role may not decide it.`);
}

async function closeReview(
  tx: Tx,
  actor: Actor,
  reviewId: string,
  decision: Decision,
  data: { rationale: string; stopReason?: string; revisitOn?: string },
) {
  const review = await tx.gateReview.findUniqueOrThrow({ where: { id: reviewId } });
  const useCase = await tx.useCase.findUniqueOrThrow({ where: { id: review.useCaseId } });
  const key = formatKey(useCase.number);
  await tx.gateReview.update({
    where: { id: reviewId },
    data: {
      status: "DECIDED",
      decision,
      decidedById: actor.id,
      decidedAt: new Date(),
      rationale: data.rationale,
      stopReason: decision === "STOP" ? (data.stopReason as never) : null,
      revisitOn: decision === "PAUSE" ? dateOf(data.revisitOn) : null,
      estimateSnapshot: await takeEstimateSnapshot(tx, useCase),
    },
  });
  const passes = PASSING_DECISIONS.includes(decision);
  const change = passes
    ? { stage: review.toStage, stageEnteredAt: new Date(), status: "ACTIVE" as const }
    : { status: decision === "PAUSE" ? ("PAUSED" as const) : ("STOPPED" as const) };
  // The only place the stage changes: guarded by the stage the review left from.
  const { count } = await tx.useCase.updateMany({
    where: { id: useCase.id, stage: review.fromStage },
    data: { ...change, version: { increment: 1 } },
  });
  if (count !== 1) throw new DomainError("CONFLICT", `${key} is no longer in the stage this review was for.`);
  if (passes && isChecklistStage(review.toStage)) await instantiateChecklist(tx, useCase.id, review.toStage);
  await recordEvent(tx, {
    actorId: actor.id,
    action: "gate.decide",
    entity: "GateReview",
    entityId: reviewId,
    after: { useCase: key, decision },
  });
  await recordEvent(tx, {
    actorId: actor.id,
    action: passes ? "use-case.stage" : decision === "PAUSE" ? "use-case.pause" : "use-case.stop",
    entity: "UseCase",
    entityId: useCase.id,
    before: { stage: useCase.stage, status: useCase.status },
    after: { stage: passes ? review.toStage : useCase.stage, status: change.status },
  });
  const webhookUseCase = { key, title: useCase.title };
  await enqueueWebhookEvent(tx, "gate.decided", {
    useCase: webhookUseCase,
    gateId: reviewId,
    gate: gateOutOf(review.fromStage)?.id ?? null,
    fromStage: review.fromStage,
    toStage: review.toStage,
    decision,
    rationale: data.rationale,
    decidedBy: actor.id,
  });
  if (passes)
    await enqueueWebhookEvent(tx, "stage.changed", {
      useCase: webhookUseCase,
      gateId: reviewId,
      from: review.fromStage,
      to: review.toStage,
    });
  await notify(
    tx,
    [useCase.ownerId, review.requestedById],
    {
      kind: "REVIEW_DECIDED",
      title: `${key} “${useCase.title}”: the review was decided: ${DECISION_LABELS[decision]}.`,
      href: `/use-cases/${key}#gates`,
    },
    actor.id,
  );
}

/**
 * The gate's entry criteria, checked again when the review would pass: they were met when the
 * review was requested, but a packaging item set back to TODO (which voids IT's sign-off) or a
 * production service removed since must stop the use case from moving on. CONFLICT lists each
 * unmet criterion; the transaction rolls back, so the vote is not recorded and the review stays open.
 */
async function requireCriteriaStillMet(tx: Tx, gate: GateDefinition, useCaseId: string) {
  const useCase = await tx.useCase.findUniqueOrThrow({ where: { id: useCaseId } });
  const unmet = evaluateCriteria(gate, await loadGateFacts(useCase, tx)).filter((criterion) => !criterion.met);
  if (unmet.length === 0) return;
  throw new DomainError(
    "CONFLICT",
    `Gate ${gate.id} (${gate.name}) cannot pass: its entry criteria are no longer met. ${unmet.map((criterion) => criterion.message).join(" ")} The review stays open: fix these, then vote again.`,
    { errors: unmet.map((criterion) => ({ path: criterion.id, message: criterion.message })) },
  );
}

/**
 * A delegate's vote "for" an absent decider: only while that user's delegation to the actor is
 * in force, and never for the review's requester (segregation of duties holds for delegates).
 * The one-vote-per-role rule still applies to the vote, whoever casts it.
 */
async function requireDelegation(actor: Actor, onBehalfOf: string, requestedById: string) {
  if (onBehalfOf === actor.id) throw forbidden("You vote for yourself without naming anyone.");
  const delegation = await db.delegation.findFirst({
    where: { userId: onBehalfOf, delegateId: actor.id, ...inForceWhere() },
    include: { user: { select: { name: true, role: true, active: true } } },
  });
  if (!delegation?.user.active || delegation.user.role !== actor.role)
    throw forbidden("You are not this person's delegate today, so you cannot vote in their place.");
  if (onBehalfOf === requestedById)
    throw forbidden(`${delegation.user.name} requested this review, so nobody may decide it in their place.`);
}

async function checkConditionOwners(conditions: { ownerId: string }[]) {
  const ids = [...new Set(conditions.map((condition) => condition.ownerId))];
  if (ids.length === 0) return;
  const active = await db.user.findMany({ where: { id: { in: ids }, active: true }, select: { id: true } });
  const activeIds = new Set(active.map((user) => user.id));
  const errors = conditions.flatMap((condition, index) =>
    activeIds.has(condition.ownerId)
      ? []
      : [{ path: `conditions.${index}.ownerId`, message: "Choose an active user." }],
  );
  if (errors.length) throw new DomainError("VALIDATION", "Some fields need attention.", { errors });
}
