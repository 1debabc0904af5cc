import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { formatDay } from "@/lib/dates";
import { STAGE_LABELS } from "@/lib/lifecycle";
import type { PlanDto } from "@/server/plans/plan-dto";
import { DaysLate } from "./days-late";
import { PlanForm } from "./plan-form";

const STAGE_OF_FIELD = { prototype: "PROTOTYPE", packaging: "PACKAGING", production: "PRODUCTION" } as const;

/** The plan on the use-case page: each later stage's planned and actual entry, how late, the form and the history. */
export function PlanSection({ plan, canEdit, locale }: { plan: PlanDto; canEdit: boolean; locale: string }) {
  const day = (value: string | null) => (value ? formatDay(`${value}T00:00:00Z`, locale) : "—");
  const cell = "px-3 py-2";
  return (
    <section
      id="plan"
      aria-labelledby="plan-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-surface p-5"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="plan-heading" className="text-lg font-semibold">
          Plan
        </h2>
        <Link href="/roadmap" className="text-sm text-brand-700 underline print:hidden">
          See it on the roadmap
        </Link>
      </div>
      {plan.version === 0 && !canEdit ? (
        <EmptyState>No plan yet. The owner, the sponsor or the business sets when each stage should start.</EmptyState>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Each stage's planned entry, actual entry and days late</caption>
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className={cell}>
                Stage
              </th>
              <th scope="col" className={cell}>
                Planned entry
              </th>
              <th scope="col" className={cell}>
                Entered
              </th>
              <th scope="col" className={cell}>
                Against the plan
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {plan.stages.map((stage) => (
              <tr key={stage.stage}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {STAGE_LABELS[stage.stage]}
                </th>
                <td className={cell}>{day(stage.target)}</td>
                <td className={cell}>{day(stage.entered)}</td>
                <td className={cell}>
                  <DaysLate
                    days={stage.daysLate}
                    reached={stage.entered !== null}
                    none={<span className="text-slate-500">{stage.target ? "Not due yet" : "No target"}</span>}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && <PlanForm useCaseKey={plan.useCaseKey} targets={plan.targets} version={plan.version} />}
      {plan.history.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">Plan history ({plan.history.length})</summary>
          <ol className="mt-2 space-y-1.5">
            {plan.history.map((entry) => (
              <li key={entry.at} className="text-slate-600">
                <LocalDate value={entry.at} time /> · {entry.author.name}:{" "}
                {entry.changes.length === 0
                  ? "saved without a change"
                  : entry.changes
                      .map(
                        (change) =>
                          `${STAGE_LABELS[STAGE_OF_FIELD[change.field]]} ${day(change.from)} → ${day(change.to)}`,
                      )
                      .join(", ")}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
