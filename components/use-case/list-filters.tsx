import { Choice } from "@/components/filters/choice";
import { LiveFilters } from "@/components/filters/live-filters";
import { USE_CASE_FILTER_CHIPS, UseCaseChoices } from "@/components/filters/use-case-choices";
import { buttonClass } from "@/components/ui/button-class";
import { controlClass } from "@/components/ui/field";
import { filterChips } from "@/lib/filter-chips";

export type ListFilterValues = {
  q?: string;
  stage?: string;
  status?: string;
  benefitArea?: string;
  riskTier?: string;
  tag?: string;
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
 * `hidden`: filters set elsewhere (the dashboard's team, owner, sponsor, dates), and the saved view
 * shown with its columns, kept when this form is used.
 */
export function ListFilters({ values, hidden = [] }: { values: ListFilterValues; hidden?: [string, string][] }) {
  const { chips, clearAll } = filterChips(
    "/use-cases",
    { ...values, ...Object.fromEntries(hidden) },
    {
      q: { label: "Search" },
      ...USE_CASE_FILTER_CHIPS,
      tag: { label: "Tags", value: (raw) => raw.split(",").join(", ") },
      team: { label: "Team" },
      from: { label: "Created from" },
      to: { label: "Created to" },
      // Set on the dashboard, where the names are; the list has only the id.
      owner: { label: "Owner", value: () => "chosen on the dashboard" },
      sponsor: { label: "Sponsor", value: () => "chosen on the dashboard" },
    },
    ["sort", "view", "columns"],
  );
  return (
    <LiveFilters
      label="Filter use cases"
      className="grid gap-3 rounded-lg border border-slate-200 bg-surface p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_1fr_1fr_auto]"
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
      <UseCaseChoices values={values} />
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Tags</span>
        <input
          name="tag"
          type="text"
          defaultValue={values.tag}
          placeholder="churn, retail"
          aria-describedby="tag-filter-hint"
          className={controlClass(false)}
        />
        <span id="tag-filter-hint" className="sr-only">
          Use cases with all of these tags, separated by commas.
        </span>
      </label>
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
