import { Choice } from "@/components/filters/choice";
import { LiveFilters } from "@/components/filters/live-filters";
import { USE_CASE_FILTER_CHIPS, UseCaseChoices } from "@/components/filters/use-case-choices";
import { buttonClass } from "@/components/ui/button-class";
import { filterChips } from "@/lib/filter-chips";
import { QUADRANT_LABELS, QUADRANTS, type Quadrant } from "@/lib/priority-matrix";
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
    ...USE_CASE_FILTER_CHIPS,
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
      <UseCaseChoices values={filters} />
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
