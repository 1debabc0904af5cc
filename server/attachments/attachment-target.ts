import "server-only";
import type { AttachmentTargetKind } from "@/lib/attachment-targets";
import type { Actor, OwnedRecord, Permission } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import type { db, Tx } from "../db";
import { DomainError, notFound } from "../errors";
import { isScreeningQuestion } from "../risk/questionnaire-templates";

/** Who may attach evidence to each kind of target: whoever may work that target. */
const ATTACH_PERMISSION: Record<AttachmentTargetKind, [Permission, string]> = {
  CHECKLIST_ITEM: ["checklist:update", "Only those who work this checklist attach evidence to its items."],
  GATE_REVIEW: ["gate:request", "Only those who may request this gate attach evidence to the request."],
  ASSESSMENT_ANSWER: ["assessment:answer", "Only those who answer the risk screening attach evidence to its answers."],
};

export function requireAttachPermission(actor: Actor, useCase: OwnedRecord, target: AttachmentTargetKind): void {
  const [permission, message] = ATTACH_PERMISSION[target];
  requirePermission(actor, permission, useCase, message);
}

/** The columns that tie an attachment to its target. */
export type TargetColumns = { checklistItemId: string | null; gateReviewId: string | null; questionId: string | null };

/**
 * The target inside the use case, as the attachment's columns: NOT_FOUND when the checklist
 * item or gate review is another use case's (or none), or the question is in no screening
 * template. A decided or cancelled review's evidence is what its deciders saw: CONFLICT.
 */
export async function resolveTarget(
  client: Tx | typeof db,
  useCaseId: string,
  target: AttachmentTargetKind,
  targetId: string,
  options: { forUpload?: boolean } = {},
): Promise<TargetColumns> {
  const none = { checklistItemId: null, gateReviewId: null, questionId: null };
  if (target === "CHECKLIST_ITEM") {
    const item = await client.checklistItem.findFirst({ where: { id: targetId, useCaseId }, select: { id: true } });
    if (!item) throw notFound("Checklist item");
    return { ...none, checklistItemId: item.id };
  }
  if (target === "GATE_REVIEW") {
    const review = await client.gateReview.findFirst({
      where: { id: targetId, useCaseId },
      select: { id: true, status: true },
    });
    if (!review) throw notFound("Gate review");
    if (options.forUpload && review.status !== "OPEN")
      throw new DomainError(
        "CONFLICT",
        "This gate review is closed: its evidence is what the deciders saw. Attach the file to the next request.",
      );
    return { ...none, gateReviewId: review.id };
  }
  if (!(await isScreeningQuestion(targetId, client))) throw notFound("Risk screening question");
  return { ...none, questionId: targetId };
}
