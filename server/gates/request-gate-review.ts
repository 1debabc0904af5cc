import "server-only";
import { decidersFor, evaluateCriteria, formatKey, gateOutOf, ROLE_LABELS, STAGE_LABELS } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { deadlineDaysOf, reviewDeadlines } from "@/lib/review-deadlines";
import { GateRequestSchema } from "@/lib/validation/gate";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError } from "../errors";
import { parseInput } from "../http/parse-input";
import { notify, usersWithRoles } from "../notifications/notify";
import { recordGateRelease } from "../registry/gate-release";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { enqueueWebhookEvent } from "../webhooks/enqueue";
import { type GateDto, gateInclude, toGateDto } from "./gate-dto";
import { loadGateFacts } from "./load-gate-facts";
import { getReviewCalendar } from "./review-calendar";

/**
 * Ask for the review of the gate out of the use case's current stage. Refused (CONFLICT)
 * when the use case is stopped or in production, when a review is already open, or when
 * the gate's entry criteria are unmet (each one listed). A paused use case resumes.
 * Requests for one use case queue on its row lock, so at most one review is ever open.
 */
export async function requestGateReview(actor: Actor, key: string, input: unknown): Promise<GateDto> {
  requirePermission(actor, "use-case:read");
  const found = await findUseCaseByKey(key);
  requirePermission(actor, "gate:request", found, "Only the use case's owner or an admin may request its gate review.");
  const data = parseInput(GateRequestSchema, input ?? {});

  return db.$transaction(async (tx) => {
    await lockUseCase(tx, found.id);
    const useCase = await tx.useCase.findUniqueOrThrow({ where: { id: found.id } });
    const useCaseKey = formatKey(useCase.number);
    const gate = gateOutOf(useCase.stage);
    if (!gate) throw new DomainError("CONFLICT", `${useCaseKey} is in production: there is no gate after it.`);
    if (useCase.status === "STOPPED")
      throw new DomainError("CONFLICT", `${useCaseKey} was stopped. An admin must reopen it before a new review.`);
    const open = await tx.gateReview.findFirst({ where: { useCaseId: useCase.id, status: "OPEN" } });
    if (open) throw new DomainError("CONFLICT", `A review of ${useCaseKey}'s gate is already open.`);
    const unmet = evaluateCriteria(gate, await loadGateFacts(useCase, tx)).filter((criterion) => !criterion.met);
    if (unmet.length > 0) {
      throw new DomainError("CONFLICT", `The entry criteria of gate ${gate.id} (${gate.name}) are not met.`, {
        errors: unmet.map((criterion) => ({ path: criterion.id, message: criterion.message })),
      });
    }

    if (useCase.status === "PAUSED") {
      await tx.useCase.update({ where: { id: useCase.id }, data: { status: "ACTIVE", version: { increment: 1 } } });
      await recordEvent(tx, {
        actorId: actor.id,
        action: "use-case.resume",
        entity: "UseCase",
        entityId: useCase.id,
        before: { status: "PAUSED" },
        after: { status: "ACTIVE" },
      });
    }
    const calendar = await getReviewCalendar(tx);
    const deadlines = reviewDeadlines(new Date(), deadlineDaysOf(gate, calendar.deadlineDays), calendar.holidays);
    const review = await tx.gateReview.create({
      data: {
        ...deadlines,
        useCaseId: useCase.id,
        fromStage: gate.from,
        toStage: gate.to,
        note: data.note ?? "",
        evidenceUrls: data.evidenceUrls ?? [],
        requestedById: actor.id,
      },
      include: gateInclude,
    });
    const release = await recordGateRelease(tx, useCase.id, review.id, data);
    await recordEvent(tx, {
      actorId: actor.id,
      action: "gate.request",
      entity: "GateReview",
      entityId: review.id,
      after: {
        useCase: useCaseKey,
        gate: gate.id,
        note: review.note,
        evidenceUrls: review.evidenceUrls,
        ...(release ? { release } : {}),
      },
    });
    await enqueueWebhookEvent(tx, "gate.requested", {
      useCase: { key: useCaseKey, title: useCase.title },
      gateId: review.id,
      gate: gate.id,
      fromStage: gate.from,
      toStage: gate.to,
      requestedBy: actor.id,
      note: review.note,
    });
    await notify(
      tx,
      await usersWithRoles(tx, decidersFor(gate, useCase.riskTier)),
      {
        kind: "REVIEW_WAITING",
        title: `${useCaseKey} “${useCase.title}” waits for your decision at ${gate.id} (${STAGE_LABELS[gate.from]} → ${STAGE_LABELS[gate.to]}); deciders: ${decidersFor(
          gate,
          useCase.riskTier,
        )
          .map((r) => ROLE_LABELS[r])
          .join(" and ")}.`,
        href: "/reviews",
      },
      actor.id,
    );
    return toGateDto(review, calendar.holidays);
  });
}
