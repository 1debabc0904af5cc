import Link from "next/link";
import { RankCell } from "@/components/priority/rank-cell";
import { StageBadge, StatusBadge } from "@/components/ui/badges";
import { Cell, ColumnHeader, DataTable } from "@/components/ui/table";
import { PageCheckbox, RowCheckbox } from "@/components/use-case/bulk/bulk-selection";
import { TagChips } from "@/components/use-case/tag-chips";
import { ValueRange } from "@/components/use-case/value-range";
import { BENEFIT_AREA_LABELS } from "@/lib/lifecycle";
import type { UseCaseColumn } from "@/lib/use-case-columns";
import type { UseCaseDto } from "@/server/use-cases/use-case-dto";

/**
 * One page of the use-case list: key, title (and tags), stage, status, area, value, owner (and
 * sponsor) and priority, or the `columns` chosen (key and title always); columns fold away on
 * narrow screens. `selectable`: a checkbox column for the bulk edit (inside BulkSelection).
 */
export function UseCaseTable({
  items,
  total,
  columns,
  selectable = false,
}: {
  items: UseCaseDto[];
  total: number;
  columns?: readonly UseCaseColumn[];
  selectable?: boolean;
}) {
  const show = (column: UseCaseColumn) => !columns || columns.includes(column);
  return (
    <DataTable
      caption={`Use cases, ${total} in all`}
      head={
        <>
          {selectable && (
            <ColumnHeader className="w-8">
              <PageCheckbox />
            </ColumnHeader>
          )}
          <ColumnHeader className="hidden sm:table-cell">Key</ColumnHeader>
          <ColumnHeader>Title</ColumnHeader>
          {show("stage") && <ColumnHeader>Stage</ColumnHeader>}
          {show("status") && <ColumnHeader className="hidden sm:table-cell">Status</ColumnHeader>}
          {show("benefitArea") && <ColumnHeader className="hidden lg:table-cell">Benefit area</ColumnHeader>}
          {show("value") && <ColumnHeader>EBITDA / year (low – base – high)</ColumnHeader>}
          {show("owner") && <ColumnHeader className="hidden md:table-cell">Owner</ColumnHeader>}
          {show("priority") && <ColumnHeader>Priority</ColumnHeader>}
        </>
      }
    >
      {items.map((uc) => (
        <tr key={uc.key} className="hover:bg-slate-50">
          {selectable && (
            <Cell>
              <RowCheckbox useCaseKey={uc.key} />
            </Cell>
          )}
          <Cell className="hidden whitespace-nowrap font-mono text-xs text-slate-500 sm:table-cell">{uc.key}</Cell>
          <Cell>
            <Link
              href={`/use-cases/${uc.key}`}
              className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
            >
              {uc.title}
            </Link>
            {/* On a phone the columns left out above come back here, in one line. */}
            <span className="mt-0.5 block text-xs text-slate-500 sm:hidden">
              <span className="font-mono">{uc.key}</span> · {uc.owner?.name ?? "No owner"}
            </span>
            <TagChips tags={uc.tags} />
          </Cell>
          {show("stage") && (
            <Cell>
              <StageBadge stage={uc.stage} />
            </Cell>
          )}
          {show("status") && (
            <Cell className="hidden sm:table-cell">
              <StatusBadge status={uc.status} />
            </Cell>
          )}
          {show("benefitArea") && (
            <Cell className="hidden whitespace-nowrap text-slate-600 lg:table-cell">
              {uc.benefitArea ? BENEFIT_AREA_LABELS[uc.benefitArea] : "—"}
            </Cell>
          )}
          {show("value") && (
            <Cell>
              <ValueRange ebitda={uc.ebitda} />
            </Cell>
          )}
          {show("owner") && (
            <Cell className="hidden whitespace-nowrap text-slate-600 md:table-cell">
              {uc.owner?.name ?? "—"}
              {uc.sponsor && <span className="block text-xs text-slate-500">Sponsor: {uc.sponsor.name}</span>}
            </Cell>
          )}
          {show("priority") && (
            <Cell>
              <RankCell priorityScore={uc.priorityScore} rank={uc.rank} previousRank={uc.previousRank} />
            </Cell>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
