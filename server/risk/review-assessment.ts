import "server-only";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { AssessmentReviewSchema } from "@/lib/validation/risk";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { forbidden } from "../errors";
import { parseInput } from "../http/parse-input";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { enqueueWebhookEvent } from "../webhooks/enqueue";
import { type AssessmentDto, asAnswers, toAssessmentDto } from "./assessment-dto";
import { staleAssessment, wrongStatus } from "./assessment-errors";

/**
 * The risk officer's review of a submitted screening: approve (the tier is locked) or request
 * changes, with a rationale. Never on a use case the reviewer owns or sponsors. Two reviews
 * at once queue on the use case's row lock: the second finds it reviewed (409).
 */
export async function reviewAssessment(actor: Actor, key: string, input: unknown): Promise<AssessmentDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  requirePermission(actor, "assessment:review", "Only a risk officer (RISK) reviews a risk screening.");
  if (useCase.ownerId === actor.id || useCase.sponsorId === actor.id)
    throw forbidden("You may not review the screening of a use case you own or sponsor.");
  const data = parseInput(AssessmentReviewSchema, input);

  return db.$transaction(async (tx) => {
    await lockUseCase(tx, useCase.id);
    const row = await tx.riskAssessment.findUnique({ where: { useCaseId: useCase.id } });
    const current = () => toAssessmentDto(useCase, row, tx);
    if (data.version !== undefined && (row?.version ?? 0) !== data.version) throw staleAssessment(await current());
    if (row?.status !== "SUBMITTED")
      throw wrongStatus(
        await current(),
        "Only a submitted screening can be reviewed; this one is not waiting for review.",
      );
    const status = data.decision === "APPROVE" ? "APPROVED" : "CHANGES_REQUESTED";
    const saved = await tx.riskAssessment.update({
      where: { id: row.id },
      data: { status, version: { increment: 1 } },
    });
    await tx.riskAssessmentEvent.create({
      data: {
        assessmentId: row.id,
        revision: row.revision,
        action: status,
        tier: row.tier,
        answers: asAnswers(row.answers),
        rationale: data.rationale,
        actorId: actor.id,
      },
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "risk-assessment.review",
      entity: "RiskAssessment",
      entityId: row.id,
      useCaseId: useCase.id,
      before: { status: row.status },
      after: { status, tier: row.tier, rationale: data.rationale },
    });
    await enqueueWebhookEvent(tx, "risk.assessment_reviewed", {
      useCase: { key: formatKey(useCase.number), title: useCase.title },
      decision: data.decision,
      status,
      tier: row.tier,
      revision: row.revision,
      rationale: data.rationale,
      reviewedBy: actor.id,
    });
    return toAssessmentDto(useCase, saved, tx);
  });
}
