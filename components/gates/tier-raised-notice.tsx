import { RISK_TIER_LABELS } from "@/lib/risk-screening";
import type { TierRaised } from "@/server/gates/tier-raised";
import { CriteriaList } from "./criteria-list";

/** "Tier raised, G3 criteria now unmet": what a higher tier re-opens after a gate passed. */
export function TierRaisedNotice({ raised, useCaseKey }: { raised: TierRaised; useCaseKey: string }) {
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <p className="text-sm font-semibold">
        Tier raised, {raised.gate} criteria now unmet: the risk tier is {RISK_TIER_LABELS[raised.to]}
        {raised.from
          ? ` (${RISK_TIER_LABELS[raised.from]} when ${raised.since} passed)`
          : ` since ${raised.since} passed`}
        . Nothing passed earlier is grandfathered.
      </p>
      <CriteriaList criteria={raised.unmet} useCaseKey={useCaseKey} />
    </div>
  );
}
