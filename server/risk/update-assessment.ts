import "server-only";
import type { Actor } from "@/lib/permissions";
import { assessmentUpdateSchema } from "@/lib/validation/risk";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { parseInput } from "../http/parse-input";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { type AssessmentDto, asAnswers, toAssessmentDto } from "./assessment-dto";
import { staleAssessment, wrongStatus } from "./assessment-errors";
import { screeningTemplate } from "./questionnaire-templates";

/**
 * Save the answers of a use case's screening (the owner, the sponsor or an admin). The input
 * carries the version it started from (0 for a screening not started). A submitted screening
 * waits for its review; answers changed after an approval start a new revision, which needs a
 * review again (the approved one stays in the history).
 */
export async function updateAssessment(actor: Actor, key: string, input: unknown): Promise<AssessmentDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  requirePermission(
    actor,
    "assessment:answer",
    useCase,
    "Only the use case's owner or sponsor (or an admin) answers its risk screening.",
  );
  const existing = await db.riskAssessment.findUnique({ where: { useCaseId: useCase.id } });
  // A screening keeps the version it started with; a new one starts on the current version.
  const template = await screeningTemplate(existing?.templateVersion ?? null);
  const data = parseInput(assessmentUpdateSchema(template), input);

  return db.$transaction(async (tx) => {
    await lockUseCase(tx, useCase.id);
    const row = await tx.riskAssessment.findUnique({ where: { useCaseId: useCase.id } });
    const current = () => toAssessmentDto(useCase, row, tx);
    if ((row?.version ?? 0) !== data.version) throw staleAssessment(await current());
    if (row?.status === "SUBMITTED")
      throw wrongStatus(
        await current(),
        "The screening is waiting for its review: it cannot change until it is reviewed.",
      );

    const saved = row
      ? await tx.riskAssessment.update({
          where: { id: row.id },
          data: {
            answers: data.answers,
            status: "DRAFT",
            version: { increment: 1 },
            ...(row.status === "APPROVED" ? { revision: { increment: 1 } } : {}),
          },
        })
      : await tx.riskAssessment.create({
          data: { useCaseId: useCase.id, templateVersion: template.version, answers: data.answers },
        });
    if (row?.status === "APPROVED")
      await tx.riskAssessmentEvent.create({
        data: {
          assessmentId: saved.id,
          revision: saved.revision,
          action: "REVISED",
          tier: row.tier,
          answers: asAnswers(row.answers),
          actorId: actor.id,
        },
      });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "risk-assessment.update",
      entity: "RiskAssessment",
      entityId: saved.id,
      useCaseId: useCase.id,
      before: row ? { answers: asAnswers(row.answers), status: row.status, revision: row.revision } : null,
      after: { answers: data.answers, status: saved.status, revision: saved.revision },
    });
    return toAssessmentDto(useCase, saved, tx);
  });
}
