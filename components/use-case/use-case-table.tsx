import Link from "next/link";
import { RankCell } from "@/components/priority/rank-cell";
import { StageBadge, StatusBadge } from "@/components/ui/badges";
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
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Use cases, {total} in all</caption>
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            {selectable && (
              <th scope="col" className="w-8 px-4 py-3">
                <PageCheckbox />
              </th>
            )}
            <th scope="col" className="hidden px-4 py-3 sm:table-cell">
              Key
            </th>
            <th scope="col" className="px-4 py-3">
              Title
            </th>
            {show("stage") && (
              <th scope="col" className="px-4 py-3">
                Stage
              </th>
            )}
            {show("status") && (
              <th scope="col" className="hidden px-4 py-3 sm:table-cell">
                Status
              </th>
            )}
            {show("benefitArea") && (
              <th scope="col" className="hidden px-4 py-3 lg:table-cell">
                Benefit area
              </th>
            )}
            {show("value") && (
              <th scope="col" className="px-4 py-3">
                EBITDA / year (low – base – high)
              </th>
            )}
            {show("owner") && (
              <th scope="col" className="hidden px-4 py-3 md:table-cell">
                Owner
              </th>
            )}
            {show("priority") && (
              <th scope="col" className="px-4 py-3">
                Priority
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((uc) => (
            <tr key={uc.key} className="hover:bg-slate-50">
              {selectable && (
                <td className="px-4 py-3">
                  <RowCheckbox useCaseKey={uc.key} />
                </td>
              )}
              <td className="hidden whitespace-nowrap px-4 py-3 font-mono text-xs text-slate-500 sm:table-cell">
                {uc.key}
              </td>
              <td className="px-4 py-3">
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
              </td>
              {show("stage") && (
                <td className="px-4 py-3">
                  <StageBadge stage={uc.stage} />
                </td>
              )}
              {show("status") && (
                <td className="hidden px-4 py-3 sm:table-cell">
                  <StatusBadge status={uc.status} />
                </td>
              )}
              {show("benefitArea") && (
                <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 lg:table-cell">
                  {uc.benefitArea ? BENEFIT_AREA_LABELS[uc.benefitArea] : "—"}
                </td>
              )}
              {show("value") && (
                <td className="px-4 py-3">
                  <ValueRange ebitda={uc.ebitda} />
                </td>
              )}
              {show("owner") && (
                <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 md:table-cell">
                  {uc.owner?.name ?? "—"}
                  {uc.sponsor && <span className="block text-xs text-slate-500">Sponsor: {uc.sponsor.name}</span>}
                </td>
              )}
              {show("priority") && (
                <td className="px-4 py-3">
                  <RankCell priorityScore={uc.priorityScore} rank={uc.rank} previousRank={uc.previousRank} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
