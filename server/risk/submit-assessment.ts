import "server-only";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { evaluateTier, unansweredQuestions } from "@/lib/risk-screening";
import { AssessmentSubmitSchema } from "@/lib/validation/risk";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { addTierItems } from "../checklists/tier-items";
import { db } from "../db";
import { DomainError } from "../errors";
import { parseInput } from "../http/parse-input";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { enqueueWebhookEvent } from "../webhooks/enqueue";
import { type AssessmentDto, asAnswers, toAssessmentDto } from "./assessment-dto";
import { staleAssessment, wrongStatus } from "./assessment-errors";
import { screeningTemplate } from "./questionnaire-templates";

/**
 * Submit the screening for review: every required question answered. The tier its answers
 * give becomes the use case's tier (the one the gates follow) at once.
 */
export async function submitAssessment(actor: Actor, key: string, input: unknown): Promise<AssessmentDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  requirePermission(
    actor,
    "assessment:answer",
    useCase,
    "Only the use case's owner or sponsor (or an admin) submits its risk screening.",
  );
  const data = parseInput(AssessmentSubmitSchema, input ?? {});

  return db.$transaction(async (tx) => {
    await lockUseCase(tx, useCase.id);
    const row = await tx.riskAssessment.findUnique({ where: { useCaseId: useCase.id } });
    const current = () => toAssessmentDto(useCase, row, tx);
    if (data.version !== undefined && (row?.version ?? 0) !== data.version) throw staleAssessment(await current());
    if (!row || (row.status !== "DRAFT" && row.status !== "CHANGES_REQUESTED"))
      throw wrongStatus(
        await current(),
        row
          ? "The screening is already submitted: change an answer first."
          : "Answer the screening before submitting it.",
      );
    const template = await screeningTemplate(row.templateVersion, tx);
    const answers = asAnswers(row.answers);
    const missing = unansweredQuestions(template, answers);
    if (missing.length)
      throw new DomainError("VALIDATION", "Answer every required question before submitting.", {
        errors: missing.map((q) => ({ path: `answers.${q.id}`, message: `Answer: ${q.text}` })),
      });
    const { tier } = evaluateTier(template, answers);
    const saved = await tx.riskAssessment.update({
      where: { id: row.id },
      data: { status: "SUBMITTED", tier, version: { increment: 1 } },
    });
    await tx.useCase.update({ where: { id: useCase.id }, data: { riskTier: tier } });
    await addTierItems(tx, useCase.id, tier, actor.id);
    await enqueueWebhookEvent(tx, "risk.tier_assigned", {
      useCase: { key: formatKey(useCase.number), title: useCase.title },
      tier,
      previousTier: useCase.riskTier,
      revision: row.revision,
      submittedBy: actor.id,
    });
    await tx.riskAssessmentEvent.create({
      data: { assessmentId: row.id, revision: row.revision, action: "SUBMITTED", tier, answers, actorId: actor.id },
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "risk-assessment.submit",
      entity: "RiskAssessment",
      entityId: row.id,
      useCaseId: useCase.id,
      before: { status: row.status, tier: useCase.riskTier },
      after: { status: "SUBMITTED", tier },
    });
    return toAssessmentDto({ ...useCase, riskTier: tier }, saved, tx);
  });
}
