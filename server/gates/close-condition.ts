import "server-only";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError, notFound, requireFindableId } from "../errors";

/** Close a condition of a go with conditions: its owner or an admin. Closing twice is a CONFLICT. */
export async function closeCondition(actor: Actor, conditionId: string): Promise<{ useCaseKey: string }> {
  requireFindableId(conditionId, "Condition");
  const condition = await db.gateCondition.findUnique({
    where: { id: conditionId },
    include: { review: { select: { decision: true, useCase: { select: { number: true } } } } },
  });
  if (!condition) throw notFound("Condition");
  requirePermission(
    actor,
    "condition:close",
    { ownerId: condition.ownerId },
    "Only the condition's owner or an admin may close it.",
  );
  if (condition.review.decision !== "CONDITIONAL_GO")
    throw new DomainError("CONFLICT", "This condition belongs to a review that did not end in a go with conditions.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.gateCondition.updateMany({
      where: { id: conditionId, closedAt: null },
      data: { closedAt: new Date(), closedById: actor.id },
    });
    if (count === 0) throw new DomainError("CONFLICT", "This condition is already closed.");
    await recordEvent(tx, {
      actorId: actor.id,
      action: "condition.close",
      entity: "GateCondition",
      entityId: conditionId,
      before: { closedAt: null },
      after: { closedAt: new Date().toISOString() },
    });
  });
  return { useCaseKey: formatKey(condition.review.useCase.number) };
}
