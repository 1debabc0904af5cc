import Link from "next/link";
import { MODEL_CARD_FIELD_IDS } from "@/lib/model-card";
import { SEVERE_SCORE } from "@/lib/risk-register";
import { RISK_TIER_LABELS, type RiskTier } from "@/lib/risk-screening";
import type { ModelCardDto } from "@/server/risk/model-card-dto";
import type { RiskEntryDto } from "@/server/risk/risk-entry-dto";

/** The use-case page's risk section: the tier, the register in one line, the model card's state. */
export function RiskSummarySection({
  useCaseKey,
  tier,
  risks,
  card,
}: {
  useCaseKey: string;
  tier: RiskTier | null;
  risks: RiskEntryDto[];
  card: ModelCardDto;
}) {
  const open = risks.filter((risk) => risk.status === "OPEN");
  const severe = open.filter((risk) => risk.score >= SEVERE_SCORE && !risk.mitigation).length;
  const filled = MODEL_CARD_FIELD_IDS.filter((id) => card[id].trim()).length;
  return (
    <section
      id="risk"
      aria-labelledby="risk-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-surface p-5"
    >
      <h2 id="risk-heading" className="text-lg font-semibold">
        Risk and model card
      </h2>
      <ul className="space-y-2 text-sm text-slate-700">
        <li>
          {tier ? `EU AI Act tier: ${RISK_TIER_LABELS[tier]}.` : "Not screened yet."}{" "}
          <Link href={`/use-cases/${useCaseKey}/risk`} className="text-brand-700 underline">
            {tier ? "Risk screening" : "Screen the use case"}
          </Link>
        </li>
        <li>
          {risks.length === 0
            ? "No risk in the register yet."
            : `${risks.length} ${risks.length === 1 ? "risk" : "risks"} in the register, ${open.length} open${
                severe > 0 ? `, ${severe} scoring ${SEVERE_SCORE}+ without mitigation` : ""
              }.`}{" "}
          <Link href={`/use-cases/${useCaseKey}/risk#register`} className="text-brand-700 underline">
            Risk register
          </Link>
        </li>
        <li>
          {card.version === 0
            ? "Model card not written yet."
            : `Model card: ${filled} of ${MODEL_CARD_FIELD_IDS.length} sections written.`}
          {tier === "HIGH" &&
            card.missingForHigh.length > 0 &&
            ` High risk: ${card.missingForHigh.length} required still empty.`}{" "}
          <Link href={`/use-cases/${useCaseKey}/model-card`} className="text-brand-700 underline">
            Model card
          </Link>
        </li>
      </ul>
    </section>
  );
}
