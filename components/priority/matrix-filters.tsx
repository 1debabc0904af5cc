import { LiveFilters } from "@/components/filters/live-filters";
import { buttonClass } from "@/components/ui/button-class";
import { Choice } from "@/components/use-case/list-filters";
import { filterChips } from "@/lib/filter-chips";
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
import { QUADRANT_LABELS, QUADRANTS, type Quadrant } from "@/lib/priority-matrix";
import { RISK_TIER_LABELS, RISK_TIERS, type RiskTier } from "@/lib/risk-screening";
import type { PriorityMatrixQuery } from "@/lib/validation/priority-matrix";

const PATH = "/portfolio/matrix";

/**
 * The matrix's filters, in the URL like the dashboard's and the list's (a GET form that applies
 * on change): quadrant, stage, status, benefit area, risk tier and team. The dashboard's owner,
 * sponsor and dates, when a link brought them, are kept as hidden fields and shown as chips.
 */
export function MatrixFilters({ filters, teams }: { filters: PriorityMatrixQuery; teams: string[] }) {
  const hidden = (["owner", "sponsor", "from", "to"] as const).flatMap((key) => {
    const value = filters[key];
    return value ? [[key, value] as const] : [];
  });
  const { chips, clearAll } = filterChips(PATH, filters, {
    quadrant: { label: "Quadrant", value: (raw) => QUADRANT_LABELS[raw as Quadrant] ?? raw },
    stage: { label: "Stage", value: (raw) => STAGE_LABELS[raw as Stage] ?? raw },
    status: { label: "Status", value: (raw) => STATUS_LABELS[raw as UseCaseStatus] ?? raw },
    benefitArea: { label: "Benefit area", value: (raw) => BENEFIT_AREA_LABELS[raw as BenefitArea] ?? raw },
    riskTier: { label: "Risk tier", value: (raw) => RISK_TIER_LABELS[raw as RiskTier] ?? raw },
    team: { label: "Team" },
    owner: { label: "Owner", value: () => "chosen on the dashboard" },
    sponsor: { label: "Sponsor", value: () => "chosen on the dashboard" },
    from: { label: "Created from" },
    to: { label: "Created to" },
  });
  return (
    <LiveFilters
      label="Filter the matrix"
      className="grid gap-3 rounded-lg border border-slate-200 bg-surface p-4 sm:grid-cols-3 lg:grid-cols-7"
      chips={chips}
      clearAll={clearAll}
    >
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Choice
        name="quadrant"
        label="Quadrant"
        value={filters.quadrant}
        options={QUADRANTS.map((q) => [q, QUADRANT_LABELS[q]])}
      />
      <Choice name="stage" label="Stage" value={filters.stage} options={STAGES.map((s) => [s, STAGE_LABELS[s]])} />
      <Choice
        name="status"
        label="Status"
        value={filters.status}
        options={STATUSES.map((s) => [s, STATUS_LABELS[s]])}
      />
      <Choice
        name="benefitArea"
        label="Benefit area"
        value={filters.benefitArea}
        options={BENEFIT_AREAS.map((b) => [b, BENEFIT_AREA_LABELS[b]])}
      />
      <Choice
        name="riskTier"
        label="Risk tier"
        value={filters.riskTier}
        options={RISK_TIERS.map((t) => [t, RISK_TIER_LABELS[t]])}
      />
      <Choice name="team" label="Team" value={filters.team} options={teams.map((t) => [t, t])} />
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply
        </button>
        <a href={clearAll} className={buttonClass("ghost")}>
          Clear
        </a>
      </div>
    </LiveFilters>
  );
}
