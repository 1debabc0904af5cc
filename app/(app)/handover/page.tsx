import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Cell, ColumnHeader, DataTable } from "@/components/ui/table";
import { requireUser } from "@/server/auth/current-user";
import { HANDOVER_SORTS, type HandoverSort, listHandover } from "@/server/checklists/handover-queue";

export const metadata = { title: "Handover" };

const SORT_LABELS: Record<HandoverSort, string> = {
  progress: "Closest to done",
  days: "Longest in packaging",
  blockers: "Most blockers",
  title: "Title A–Z",
};

/** IT's handover queue: use cases in packaging, their checklist progress and what blocks them. */
export default async function HandoverPage({ searchParams }: { searchParams: Promise<{ sort?: string }> }) {
  const user = await requireUser("/handover");
  const requested = (await searchParams).sort;
  const sort = (HANDOVER_SORTS as readonly string[]).includes(requested ?? "")
    ? (requested as HandoverSort)
    : "progress";
  const rows = await listHandover(user, sort);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Handover"
        description="Use cases in packaging & preparing: the packaging checklist IT signs off before gate G3."
      />
      <nav aria-label="Sort" className="flex flex-wrap gap-2 text-sm">
        {HANDOVER_SORTS.map((value) => (
          <Link
            key={value}
            href={`/handover?sort=${value}`}
            aria-current={value === sort ? "true" : undefined}
            className={`rounded-full px-3 py-1 ${value === sort ? "bg-primary text-white" : "bg-surface text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`}
          >
            {SORT_LABELS[value]}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState
          action={
            <Link href="/board" className={buttonClass("secondary")}>
              See where each use case stands
            </Link>
          }
        >
          No use case is in packaging right now. They arrive here when their prototype gate is passed.
        </EmptyState>
      ) : (
        <DataTable
          caption={`Use cases in packaging, sorted by ${SORT_LABELS[sort].toLowerCase()}`}
          head={
            <>
              <ColumnHeader>Use case</ColumnHeader>
              <ColumnHeader>Owner</ColumnHeader>
              <ColumnHeader>Checklist</ColumnHeader>
              <ColumnHeader>Left to do</ColumnHeader>
              <ColumnHeader className="text-right">Days in stage</ColumnHeader>
            </>
          }
        >
          {rows.map((row) => (
            <tr key={row.key}>
              <Cell>
                <Link href={`/use-cases/${row.key}#checklist`} className="font-medium text-slate-900 hover:underline">
                  <span className="font-mono text-xs text-slate-500">{row.key}</span> {row.title}
                </Link>
              </Cell>
              <Cell className="text-slate-700">{row.owner}</Cell>
              <Cell>
                {row.closed} of {row.total} done
                {row.signedOff && (
                  <span className="ml-2 rounded bg-emerald-50 px-1.5 text-xs text-emerald-700">Signed off</span>
                )}
              </Cell>
              <Cell className="text-slate-600">
                {row.blockers.length === 0
                  ? row.signedOff
                    ? "Nothing"
                    : "Ready for sign-off"
                  : row.blockers.slice(0, 3).join("; ") +
                    (row.blockers.length > 3 ? ` and ${row.blockers.length - 3} more` : "")}
              </Cell>
              <Cell className="text-right tabular-nums">{row.daysInStage}</Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
