import "server-only";
import { isChecklistStage, isClosedStatus } from "@/lib/checklist-templates";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError } from "../errors";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { enqueueWebhookEvent } from "../webhooks/enqueue";
import { type ChecklistDto, loadChecklist } from "./checklist-dto";

/**
 * IT signs the current stage's checklist off: every item DONE or NOT_APPLICABLE, and no
 * standing sign-off. Item edits take the same row lock, so none slips in between the
 * check and the signature.
 */
export async function signOffChecklist(actor: Actor, key: string): Promise<ChecklistDto> {
  requirePermission(actor, "use-case:read");
  const found = await findUseCaseByKey(key);
  requirePermission(actor, "checklist:sign-off", "Only IT signs a checklist off.");
  return db.$transaction(async (tx) => {
    await lockUseCase(tx, found.id);
    const useCase = await tx.useCase.findUniqueOrThrow({ where: { id: found.id } });
    const useCaseKey = formatKey(useCase.number);
    if (!isChecklistStage(useCase.stage))
      throw new DomainError("CONFLICT", `${useCaseKey} is not in a stage with a checklist to sign off.`);
    const items = await tx.checklistItem.findMany({ where: { useCaseId: useCase.id, stage: useCase.stage } });
    const open = items.filter((item) => !isClosedStatus(item.status));
    if (items.length === 0 || open.length > 0) {
      throw new DomainError("CONFLICT", "Every item must be done or not applicable before the sign-off.", {
        errors: open.map((item) => ({ path: item.id, message: `“${item.label}” is not done.` })),
      });
    }
    if (await tx.checklistSignOff.findFirst({ where: { useCaseId: useCase.id, stage: useCase.stage, voidedAt: null } }))
      throw new DomainError("CONFLICT", "This checklist is already signed off.");
    await tx.checklistSignOff.create({ data: { useCaseId: useCase.id, stage: useCase.stage, byId: actor.id } });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "checklist.sign-off",
      entity: "UseCase",
      entityId: useCase.id,
      after: { stage: useCase.stage },
    });
    await enqueueWebhookEvent(tx, "checklist.signed_off", {
      useCase: { key: useCaseKey, title: useCase.title },
      stage: useCase.stage,
      signedOffBy: actor.id,
    });
    return loadChecklist(useCase, useCase.stage, tx);
  });
}
