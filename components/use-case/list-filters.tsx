import { LiveFilters } from "@/components/filters/live-filters";
import { buttonClass } from "@/components/ui/button-class";
import { controlClass } from "@/components/ui/field";
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
import { RISK_TIER_LABELS, RISK_TIERS, type RiskTier } from "@/lib/risk-screening";

export type ListFilterValues = {
  q?: string;
  stage?: string;
  status?: string;
  benefitArea?: string;
  riskTier?: string;
  sort?: string;
};

const SORT_LABELS = {
  updated: "Recently updated",
  key: "Newest first",
  title: "Title A–Z",
  stage: "Furthest stage",
  value: "Highest base value",
  priority: "Priority (ranked)",
};

/**
 * GET form: filters live in the URL, work without JavaScript and can be shared; with scripts each
 * change applies at once (text after a pause), and the active filters show as chips.
 * `hidden`: filters set elsewhere (the dashboard's team, owner, sponsor, dates), kept when this form is used.
 */
export function ListFilters({ values, hidden = [] }: { values: ListFilterValues; hidden?: [string, string][] }) {
  const { chips, clearAll } = filterChips(
    "/use-cases",
    { ...values, ...Object.fromEntries(hidden) },
    {
      q: { label: "Search" },
      stage: { label: "Stage", value: (raw) => STAGE_LABELS[raw as Stage] ?? raw },
      status: { label: "Status", value: (raw) => STATUS_LABELS[raw as UseCaseStatus] ?? raw },
      benefitArea: { label: "Benefit area", value: (raw) => BENEFIT_AREA_LABELS[raw as BenefitArea] ?? raw },
      riskTier: { label: "Risk tier", value: (raw) => RISK_TIER_LABELS[raw as RiskTier] ?? raw },
      team: { label: "Team" },
      from: { label: "Created from" },
      to: { label: "Created to" },
      // Set on the dashboard, where the names are; the list has only the id.
      owner: { label: "Owner", value: () => "chosen on the dashboard" },
      sponsor: { label: "Sponsor", value: () => "chosen on the dashboard" },
    },
    ["sort"],
  );
  return (
    <LiveFilters
      label="Filter use cases"
      className="grid gap-3 rounded-lg border border-slate-200 bg-surface p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_1fr_auto]"
      chips={chips}
      clearAll={clearAll}
    >
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Search</span>
        <input
          name="q"
          type="search"
          defaultValue={values.q}
          placeholder="Key, title, summary or owner"
          className={controlClass(false)}
        />
      </label>
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
      <Choice
        name="sort"
        label="Sort"
        value={values.sort ?? "updated"}
        options={Object.entries(SORT_LABELS)}
        any={false}
      />
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply
        </button>
        <a href="?" className={buttonClass("ghost")}>
          Reset
        </a>
      </div>
    </LiveFilters>
  );
}

/** A select of a filter form, "Any" first unless `any` is false. */
export function Choice({
  name,
  label,
  value,
  options,
  any = true,
}: {
  name: string;
  label: string;
  value?: string;
  options: [string, string][];
  any?: boolean;
}) {
  return (
    // A wrapping label, no id: the fields render in the inline form or in the phone's sheet.
    <label className="text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={controlClass(false)}>
        {any && <option value="">Any</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
