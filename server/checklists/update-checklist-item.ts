import "server-only";
import { isChecklistStage } from "@/lib/checklist-templates";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { ChecklistItemUpdateSchema } from "@/lib/validation/checklist";
import { itemAnswerIssues } from "@/lib/validation/checklist-rules";
import { changedFields, recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError, notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { type ChecklistDto, loadChecklist } from "./checklist-dto";

const snapshot = (item: {
  status: string;
  answer: string | null;
  evidenceUrl: string | null;
  note: string | null;
  ownerId: string | null;
}) => ({
  status: item.status,
  answer: item.answer,
  evidenceUrl: item.evidenceUrl,
  note: item.note,
  ownerId: item.ownerId,
});

/**
 * Update one checklist item of the use case's current stage. The `version` edited is required:
 * a stale edit is a CONFLICT carrying the current checklist. A change after IT's sign-off voids
 * the sign-off (kept, visibly) in the same transaction; a save that changes nothing writes nothing.
 */
export async function updateChecklistItem(
  actor: Actor,
  key: string,
  itemId: string,
  input: unknown,
): Promise<ChecklistDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  requirePermission(
    actor,
    "checklist:update",
    useCase,
    "Checklists are worked by the use case's data scientist, IT and admins.",
  );
  requireFindableId(itemId, "Checklist item");
  const item = await db.checklistItem.findFirst({ where: { id: itemId, useCaseId: useCase.id } });
  if (!item) throw notFound("Checklist item");
  const data = parseInput(ChecklistItemUpdateSchema, input);
  const merged = {
    status: data.status,
    answer: data.answer === undefined ? item.answer : data.answer?.trim() || null,
    evidenceUrl: data.evidenceUrl === undefined ? item.evidenceUrl : data.evidenceUrl?.trim() || null,
    note: data.note === undefined ? item.note : data.note?.trim() || null,
    ownerId: data.ownerId === undefined ? item.ownerId : data.ownerId || null,
  };
  const issues = itemAnswerIssues(item, merged);
  if (merged.ownerId && merged.ownerId !== item.ownerId) {
    const owner = await db.user.findUnique({ where: { id: merged.ownerId }, select: { active: true } });
    if (!owner?.active) issues.push({ path: "ownerId", message: "Choose an active user." });
  }
  if (issues.length) throw new DomainError("VALIDATION", "Some fields need attention.", { errors: issues });

  return db.$transaction(async (tx) => {
    await lockUseCase(tx, useCase.id);
    const current = await tx.useCase.findUniqueOrThrow({ where: { id: useCase.id } });
    if (current.stage !== item.stage || !isChecklistStage(item.stage))
      throw new DomainError("CONFLICT", `${formatKey(current.number)} has left this stage: its checklist is closed.`);
    const stale = () =>
      loadChecklist(current, item.stage as "PROTOTYPE" | "PACKAGING", tx).then(
        (checklist) =>
          new DomainError(
            "CONFLICT",
            "Someone else changed this item after you opened it. Reload to see their change.",
            {
              current: checklist,
            },
          ),
      );
    // A save that changes nothing writes nothing: no new version, no audit event, and IT's
    // sign-off stands (it still covers exactly these answers). It must come from the current version.
    const now = await tx.checklistItem.findUniqueOrThrow({ where: { id: item.id } });
    if (now.version !== data.version) throw await stale();
    if (Object.keys(changedFields(snapshot(now), snapshot(merged)).after as object).length === 0)
      return loadChecklist(current, item.stage, tx);
    const { count } = await tx.checklistItem.updateMany({
      where: { id: item.id, version: data.version },
      data: { ...merged, version: { increment: 1 }, updatedById: actor.id },
    });
    if (count === 0) throw await stale();
    await recordEvent(tx, {
      actorId: actor.id,
      action: "checklist.update",
      entity: "ChecklistItem",
      entityId: item.id,
      ...changedFields(snapshot(item), snapshot(merged)),
    });
    const { count: voided } = await tx.checklistSignOff.updateMany({
      where: { useCaseId: useCase.id, stage: item.stage, voidedAt: null },
      data: { voidedAt: new Date(), voidedById: actor.id, voidReason: `“${item.label}” changed after the sign-off.` },
    });
    if (voided > 0) {
      await recordEvent(tx, {
        actorId: actor.id,
        action: "checklist.sign-off.void",
        entity: "UseCase",
        entityId: useCase.id,
        after: { stage: item.stage, item: item.label },
      });
    }
    return loadChecklist(current, item.stage, tx);
  });
}
