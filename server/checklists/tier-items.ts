import "server-only";
import { HIGH_RISK_PACKAGING_ITEMS } from "@/lib/checklist-templates";
import type { RiskTier } from "@/lib/risk-screening";
import { recordEvent } from "../audit/record-event";
import type { Tx } from "../db";

/**
 * Give a high-risk use case's packaging checklist the items its tier requires (once each),
 * when the checklist exists: at its creation, and when the tier becomes HIGH later. Adding an
 * open item voids IT's sign-off of the packaging checklist, as changing one does: the handover
 * must be signed again with them. Returns how many items were added.
 */
export async function addTierItems(tx: Tx, useCaseId: string, tier: RiskTier | null, actorId: string | null) {
  if (tier !== "HIGH") return 0;
  const existing = await tx.checklistItem.findMany({
    where: { useCaseId, stage: "PACKAGING" },
    select: { itemKey: true, position: true },
  });
  if (existing.length === 0) return 0;
  const have = new Set(existing.map((item) => item.itemKey));
  const missing = HIGH_RISK_PACKAGING_ITEMS.filter((item) => !have.has(item.key));
  if (missing.length === 0) return 0;
  const last = Math.max(...existing.map((item) => item.position));
  await tx.checklistItem.createMany({
    data: missing.map((item, index) => ({
      useCaseId,
      stage: "PACKAGING" as const,
      section: item.section,
      label: item.label,
      position: last + 1 + index,
      answerType: item.answerType,
      options: [...(item.options ?? [])],
      itemKey: item.key,
    })),
  });
  const { count: voided } = await tx.checklistSignOff.updateMany({
    where: { useCaseId, stage: "PACKAGING", voidedAt: null },
    data: {
      voidedAt: new Date(),
      voidedById: actorId,
      voidReason: "The high risk tier added packaging items after the sign-off.",
    },
  });
  await recordEvent(tx, {
    actorId,
    action: "checklist.tier-items",
    entity: "UseCase",
    entityId: useCaseId,
    after: { stage: "PACKAGING", tier, items: missing.map((item) => item.label), signOffVoided: voided > 0 },
  });
  return missing.length;
}
