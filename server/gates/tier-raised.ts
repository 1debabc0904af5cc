import "server-only";
import { type CriterionResult, evaluateCriteria, GATES, type GateFacts, gateOutOf, type Stage } from "@/lib/lifecycle";
import { type RiskTier, tierSeverity } from "@/lib/risk-screening";
import { db } from "../db";

/** The tier rose after the last gate passed, and what the new tier asks of the next gate is unmet. */
export type TierRaised = {
  from: RiskTier | null;
  to: RiskTier;
  /** The last gate passed, under the lower tier. */
  since: string;
  /** The gate whose criteria the new tier re-opens (the last one once in production). */
  gate: string;
  unmet: CriterionResult[];
};

/**
 * Nothing is grandfathered: when the use case's tier is now more severe than the one it had
 * when its last gate passed, the risk criteria of the next gate (of G3 in production) that the
 * new tier leaves unmet are named, so the page can say "tier raised, G3 criteria now unmet".
 */
export async function tierRaisedSince(
  useCase: { id: string; stage: Stage; riskTier: RiskTier | null },
  lastPassed: { gate: string; decidedAt: string } | null,
  facts: GateFacts,
): Promise<TierRaised | null> {
  if (!lastPassed || !useCase.riskTier) return null;
  const submitted = await db.riskAssessmentEvent.findFirst({
    where: { assessment: { useCaseId: useCase.id }, action: "SUBMITTED", at: { lte: new Date(lastPassed.decidedAt) } },
    orderBy: { at: "desc" },
    select: { tier: true },
  });
  const before = submitted?.tier ?? null;
  if (before && tierSeverity(useCase.riskTier) <= tierSeverity(before)) return null;
  const gate = gateOutOf(useCase.stage) ?? (GATES.at(-1) as (typeof GATES)[number]);
  const unmet = evaluateCriteria(gate, facts).filter((c) => !c.met && c.id.startsWith("risk"));
  if (unmet.length === 0) return null;
  return { from: before, to: useCase.riskTier, since: lastPassed.gate, gate: gate.id, unmet };
}
