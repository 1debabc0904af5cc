import { buttonClass } from "@/components/ui/button-class";
import { controlClass } from "@/components/ui/field";
import { BENEFIT_AREA_LABELS, BENEFIT_AREAS, STAGE_LABELS, STAGES, STATUS_LABELS, STATUSES } from "@/lib/lifecycle";
import { RISK_TIER_LABELS, RISK_TIERS } from "@/lib/risk-screening";

export type ListFilterValues = {
  q?: string;
  stage?: string;
  status?: string;
  benefitArea?: string;
  sort?: string;
  riskTier?: string;
};

const SORT_LABELS = {
  updated: "Recently updated",
  key: "Newest first",
  title: "Title A–Z",
  stage: "Furthest stage",
  value: "Highest base value",
};

/** Plain GET form: filters live in the URL, work without JavaScript and can be shared. */
/** `hidden`: filters set elsewhere (the dashboard's team, owner, sponsor, dates), kept when this form is used. */
export function ListFilters({ values, hidden = [] }: { values: ListFilterValues; hidden?: [string, string][] }) {
  return (
    <search>
      <form
        method="get"
        aria-label="Filter use cases"
        className="grid gap-3 rounded-lg border border-slate-200 bg-surface p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_1fr_auto]"
      >
        {hidden.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="text-sm">
          <label htmlFor="filter-q" className="mb-1 block font-medium text-slate-700">
            Search
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={values.q}
            placeholder="Key, title, summary or owner"
            className={controlClass(false)}
          />
        </div>
        <Choice name="stage" label="Stage" value={values.stage} options={STAGES.map((s) => [s, STAGE_LABELS[s]])} />
        <Choice
          name="status"
          label="Status"
          value={values.status}
          options={STATUSES.map((s) => [s, STATUS_LABELS[s]])}
        />
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
      </form>
    </search>
  );
}

function Choice({
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
    <div className="text-sm">
      <label htmlFor={`filter-${name}`} className="mb-1 block font-medium text-slate-700">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={controlClass(false)}>
        {any && <option value="">Any</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
