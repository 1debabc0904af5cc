import Link from "next/link";
import { DaysLate } from "@/components/plans/days-late";
import { StageBadge, StatusBadge } from "@/components/ui/badges";
import { formatDay } from "@/lib/dates";
import { STAGE_LABELS } from "@/lib/lifecycle";
import { daysLate, PLAN_FIELDS, PLANNED_STAGES } from "@/lib/plan";
import type { RoadmapRow } from "@/server/plans/roadmap";

/**
 * The roadmap as a table, the same data as the timeline: per use case and later stage, the
 * planned day, the day it was entered, and the days late. What keyboard and screen-reader
 * users read; left out of the printout (the timeline is the printout).
 */
export function RoadmapTable({
  groups,
  today,
  locale,
}: {
  groups: { label: string; rows: RoadmapRow[] }[];
  today: string;
  locale: string;
}) {
  const day = (value: string | null) => (value ? formatDay(`${value}T00:00:00Z`, locale) : "—");
  const cell = "px-3 py-2 align-top";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-surface print:hidden">
      <table className="w-full text-sm">
        <caption className="px-3 py-2 text-left font-semibold text-slate-800">
          Roadmap as a table: for each stage, the planned day, the day it was entered, and the days late
        </caption>
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className={cell}>
              Use case
            </th>
            <th scope="col" className={cell}>
              Now
            </th>
            {PLANNED_STAGES.map((stage) => (
              <th key={stage} scope="col" className={cell}>
                {STAGE_LABELS[stage]}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.label} className="divide-y divide-slate-100">
            <tr className="bg-slate-50">
              <th scope="colgroup" colSpan={5} className="px-3 py-1.5 text-left text-slate-700">
                {group.label}
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.key} data-roadmap-table-row={row.key}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  <Link href={`/use-cases/${row.key}#plan`} className="hover:underline">
                    <span className="font-mono text-xs text-slate-500">{row.key}</span> {row.title}
                  </Link>
                </th>
                <td className={cell}>
                  <span className="flex flex-wrap gap-1">
                    <StageBadge stage={row.stage} />
                    {row.status !== "ACTIVE" && <StatusBadge status={row.status} />}
                  </span>
                </td>
                {PLANNED_STAGES.map((stage) => {
                  const target = row.targets[PLAN_FIELDS[stage]];
                  const entered = row.entered[stage];
                  return (
                    <td key={stage} className={`${cell} whitespace-nowrap`}>
                      <span className="block">Planned {day(target)}</span>
                      <span className="block text-slate-600">Entered {day(entered)}</span>
                      <DaysLate days={daysLate(target, entered, today)} reached={entered !== null} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
