import Link from "next/link";
import { DaysLate } from "@/components/plans/days-late";
import { StageBadge, StatusBadge } from "@/components/ui/badges";
import { Cell, ColumnHeader, DataTable, RowHeader, TableBody } from "@/components/ui/table";
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
  return (
    <DataTable
      className="print:hidden"
      showCaption
      caption="Roadmap as a table: for each stage, the planned day, the day it was entered, and the days late"
      head={
        <>
          <ColumnHeader>Use case</ColumnHeader>
          <ColumnHeader>Now</ColumnHeader>
          {PLANNED_STAGES.map((stage) => (
            <ColumnHeader key={stage}>{STAGE_LABELS[stage]}</ColumnHeader>
          ))}
        </>
      }
      rowGroups
    >
      {groups.map((group) => (
        <TableBody key={group.label}>
          <tr className="bg-slate-50">
            <th scope="colgroup" colSpan={5} className="px-3 py-1.5 text-left text-slate-700">
              {group.label}
            </th>
          </tr>
          {group.rows.map((row) => (
            <tr key={row.key} data-roadmap-table-row={row.key} className="align-top">
              <RowHeader className="font-normal">
                <Link href={`/use-cases/${row.key}#plan`} className="hover:underline">
                  <span className="font-mono text-xs text-slate-500">{row.key}</span> {row.title}
                </Link>
              </RowHeader>
              <Cell>
                <span className="flex flex-wrap gap-1">
                  <StageBadge stage={row.stage} />
                  {row.status !== "ACTIVE" && <StatusBadge status={row.status} />}
                </span>
              </Cell>
              {PLANNED_STAGES.map((stage) => {
                const target = row.targets[PLAN_FIELDS[stage]];
                const entered = row.entered[stage];
                return (
                  <Cell key={stage} className="whitespace-nowrap">
                    <span className="block">Planned {day(target)}</span>
                    <span className="block text-slate-600">Entered {day(entered)}</span>
                    <DaysLate days={daysLate(target, entered, today)} reached={entered !== null} />
                  </Cell>
                );
              })}
            </tr>
          ))}
        </TableBody>
      ))}
    </DataTable>
  );
}
