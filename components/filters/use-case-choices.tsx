import { Choice } from "@/components/filters/choice";
import {
  BENEFIT_AREA_LABELS,
  BENEFIT_AREAS,
  type BenefitArea,
  STAGE_LABELS,
  STAGES,
  STATUS_LABELS,
  STATUSES,
  type Stage,
  type UseCaseStatus,
} from "@/lib/lifecycle";
import { RISK_TIER_LABELS, RISK_TIERS, type RiskTier } from "@/lib/risk-screening";

type Values = { stage?: string; status?: string; benefitArea?: string; riskTier?: string };

/** The chips of the use-case filters the list and the matrix share (filterChips' labels). */
export const USE_CASE_FILTER_CHIPS = {
  stage: { label: "Stage", value: (raw: string) => STAGE_LABELS[raw as Stage] ?? raw },
  status: { label: "Status", value: (raw: string) => STATUS_LABELS[raw as UseCaseStatus] ?? raw },
  benefitArea: { label: "Benefit area", value: (raw: string) => BENEFIT_AREA_LABELS[raw as BenefitArea] ?? raw },
  riskTier: { label: "Risk tier", value: (raw: string) => RISK_TIER_LABELS[raw as RiskTier] ?? raw },
} satisfies Record<keyof Values, { label: string; value: (raw: string) => string }>;

/** The selects of those filters: stage, status, benefit area and risk tier. */
export function UseCaseChoices({ values }: { values: Values }) {
  return (
    <>
      <Choice name="stage" label="Stage" value={values.stage} options={STAGES.map((s) => [s, STAGE_LABELS[s]])} />
      <Choice name="status" label="Status" value={values.status} options={STATUSES.map((s) => [s, STATUS_LABELS[s]])} />
      <Choice
        name="benefitArea"
        label="Benefit area"
        value={values.benefitArea}
        options={BENEFIT_AREAS.map((b) => [b, BENEFIT_AREA_LABELS[b]])}
      />
      <Choice
        name="riskTier"
        label="Risk tier"
        value={values.riskTier}
        options={RISK_TIERS.map((t) => [t, RISK_TIER_LABELS[t]])}
      />
    </>
  );
}
