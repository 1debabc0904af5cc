import Link from "next/link";
import { LazyPriorityMatrixChart } from "@/components/charts/lazy-charts";
import { MatrixFilters } from "@/components/priority/matrix-filters";
import { MatrixTable } from "@/components/priority/matrix-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { QUADRANT_DESCRIPTIONS, QUADRANT_LABELS, QUADRANTS } from "@/lib/priority-matrix";
import {
  matrixFiltersFromSearch,
  matrixQuery,
  type PriorityMatrixQuery,
  PriorityMatrixQuerySchema,
} from "@/lib/validation/priority-matrix";
import { requireUser } from "@/server/auth/current-user";
import { priorityMatrix } from "@/server/priority/priority-matrix";
import { listTeams } from "@/server/users/list-people";

export const metadata = { title: "Priority matrix" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Value against effort: which use cases to fund first (quick wins) and which to question (money pits). */
export default async function PriorityMatrixPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/portfolio/matrix");
  const raw = await searchParams;
  const parsed = PriorityMatrixQuerySchema.safeParse(matrixFiltersFromSearch(raw));
  const filters: PriorityMatrixQuery = parsed.success ? parsed.data : {};
  const [matrix, teams] = await Promise.all([priorityMatrix(user, filters), listTeams()]);
  const { axes, counts, placed, points, considered } = matrix;
  const valueLabel = axes.value?.label ?? "Value";
  const effortLabel = axes.effort
    ? axes.effort.inverted
      ? `${axes.effort.label}, turned around`
      : axes.effort.label
    : "Effort";
  const { quadrant, ...others } = filters;
  const filtered = Object.keys(others).length > 0;
  const inQuadrant = quadrant ? counts[quadrant] : placed;
  const href = (target: string | null) => {
    const query = matrixQuery(filters, { quadrant: target });
    return query ? `/portfolio/matrix?${query}` : "/portfolio/matrix";
  };
  const chip = (current: boolean) =>
    `rounded-full px-3 py-1 ${current ? "bg-primary text-white" : "bg-surface text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"}`;

  return (
    <div className="space-y-5">
      <PageHeader
        title="Priority matrix"
        description={
          <>
            Value against effort for the use cases that are not stopped, on the scoring model&apos;s 1–5 scale.{" "}
            <strong>Value</strong> is the {valueLabel} score (the base EBITDA&apos;s band when it is not scored).{" "}
            <strong>Effort</strong> is{" "}
            {axes.effort?.inverted
              ? `the ${axes.effort.label} score turned around (6 − ${axes.effort.label.toLowerCase()}: routine work is effort 1, unproven work effort 5)`
              : `the ${effortLabel} score`}
            , not the cost to date, which most candidates for funding do not have yet. A bubble&apos;s size is the
            EBITDA range (high − low: the wider, the less certain), its colour the stage; above 3 is high.
          </>
        }
      />
      <MatrixFilters filters={filters} teams={teams} />
      {!parsed.success && (
        <p role="status" className="text-sm text-amber-800">
          Some filters in the address were not understood and are ignored.
        </p>
      )}
      {!axes.effort ? (
        <EmptyState boxed title="The scoring model has no effort criterion">
          The matrix needs a Feasibility or an Effort criterion that people score. An admin adds one in Admin → Scoring
          model.
        </EmptyState>
      ) : placed === 0 ? (
        <EmptyState
          title={filtered ? "No scored use case matches these filters" : "No use case is scored yet"}
          action={<ButtonLink href="/use-cases?sort=priority">Open the ranked list</ButtonLink>}
        >
          A use case is placed once its {axes.effort.label} is scored, and its {valueLabel} too (or it has a base
          EBITDA). To score one, open it and fill in its Priority section: business users score any use case, owners and
          sponsors their own.{" "}
          {filtered && (
            <Link href="/portfolio/matrix" className="text-brand-700 underline">
              Clear the filters
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <nav aria-label="Quadrants" className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={href(null)} aria-current={!quadrant ? "true" : undefined} className={chip(!quadrant)}>
              All ({placed})
            </Link>
            {QUADRANTS.map((q) => (
              <Link
                key={q}
                href={href(q)}
                aria-current={q === quadrant ? "true" : undefined}
                className={chip(q === quadrant)}
                title={QUADRANT_DESCRIPTIONS[q]}
              >
                {QUADRANT_LABELS[q]} ({counts[q]})
              </Link>
            ))}
          </nav>
          {quadrant && <p className="text-sm text-slate-600">{QUADRANT_DESCRIPTIONS[quadrant]}</p>}
          {considered > placed && (
            <p className="text-sm text-slate-600">
              {considered - placed} more {considered - placed === 1 ? "use case matches" : "use cases match"} the
              filters but {considered - placed === 1 ? "is" : "are"} not placed: no {axes.effort.label} score yet.
            </p>
          )}
          {points.length === 0 ? (
            <EmptyState>
              No use case is in {quadrant ? QUADRANT_LABELS[quadrant] : "the matrix"} with these filters.
            </EmptyState>
          ) : (
            <>
              <figure className="space-y-2 rounded-lg border border-slate-200 bg-surface p-4">
                <div className="h-96 w-full" aria-hidden>
                  <LazyPriorityMatrixChart points={points} effortLabel={effortLabel} />
                </div>
                <figcaption className="text-xs text-slate-500">
                  {inQuadrant > points.length
                    ? `The ${points.length} most valuable of ${inQuadrant} use cases; narrow them with the filters.`
                    : `${points.length} ${points.length === 1 ? "use case" : "use cases"}.`}{" "}
                  A bubble opens its use case; the table below has the same data.
                </figcaption>
              </figure>
              <MatrixTable
                points={points}
                caption={`${quadrant ? QUADRANT_LABELS[quadrant] : "Use cases on the matrix"}: value and effort (1–5)`}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
