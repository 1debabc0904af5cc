import { LiveFilters } from "@/components/filters/live-filters";
import { buttonClass } from "@/components/ui/button-class";
import { filterChips } from "@/lib/filter-chips";
import { BENEFIT_AREA_LABELS, BENEFIT_AREAS, type BenefitArea } from "@/lib/lifecycle";
import type { PortfolioFilters } from "@/lib/validation/portfolio";

const control = "block w-full rounded-md border border-slate-300 bg-surface px-3 py-2 text-sm";

/**
 * The portfolio filters (dashboard, roadmap), in the URL (a GET form: shareable, works before
 * scripts load; with scripts, each change applies at once), and the active ones as chips. `keep`
 * holds the page's own parameters (the dashboard's view, the roadmap's grouping and zoom).
 */
export function FiltersBar({
  filters,
  keep,
  teams,
  people,
  path = "/",
}: {
  filters: PortfolioFilters;
  keep: Record<string, string>;
  teams: string[];
  people: { id: string; name: string }[];
  path?: string;
}) {
  const person = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const { chips, clearAll } = filterChips(
    path,
    { ...filters, ...keep },
    {
      team: { label: "Team" },
      benefitArea: { label: "Benefit area", value: (raw) => BENEFIT_AREA_LABELS[raw as BenefitArea] ?? raw },
      sponsor: { label: "Sponsor", value: person },
      owner: { label: "Owner", value: person },
      from: { label: "Created from" },
      to: { label: "Created to" },
      tag: { label: "Tags", value: (raw) => raw.split(",").join(", ") },
    },
    Object.keys(keep),
  );
  return (
    <LiveFilters
      label="Filter the portfolio"
      className="grid gap-3 rounded-lg border border-slate-200 bg-surface p-4 sm:grid-cols-3 lg:grid-cols-8"
      chips={chips}
      clearAll={clearAll}
    >
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Team</span>
        <select name="team" defaultValue={filters.team ?? ""} className={control}>
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team} value={team}>
              {team}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Benefit area</span>
        <select name="benefitArea" defaultValue={filters.benefitArea ?? ""} className={control}>
          <option value="">Both</option>
          {BENEFIT_AREAS.map((area) => (
            <option key={area} value={area}>
              {BENEFIT_AREA_LABELS[area]}
            </option>
          ))}
        </select>
      </label>
      {(["sponsor", "owner"] as const).map((key) => (
        <label key={key} className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">{key === "sponsor" ? "Sponsor" : "Owner"}</span>
          <select name={key} defaultValue={filters[key] ?? ""} className={control}>
            <option value="">Anyone</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Created from</span>
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={control} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Created to</span>
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={control} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Tags</span>
        <input
          type="text"
          name="tag"
          defaultValue={filters.tag ?? ""}
          placeholder="churn, retail"
          className={control}
        />
      </label>
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
