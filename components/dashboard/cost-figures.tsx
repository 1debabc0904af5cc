"use client";
import Link from "next/link";
import { formatMoney, formatMoneyShort } from "@/lib/money";
import type { PortfolioSummary } from "@/server/portfolio/portfolio-summary";

/** Cost to date, net realised this year, the share of production past break-even, and the value leakage. */
export function CostFigures({ summary, locale }: { summary: PortfolioSummary; locale: string }) {
  const c = summary.currency;
  const money = (value: string) => formatMoney(value, c, locale);
  const { breakEven } = summary;
  return (
    <section aria-labelledby="cost-figures-heading" className="space-y-3">
      <h2 id="cost-figures-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        Cost and net value
      </h2>
      <dl className="grid gap-3 sm:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-surface p-4 shadow-sm">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Cost to date</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">
            {formatMoneyShort(summary.costToDate, c, locale)}
          </dd>
          <dd className="text-xs text-slate-500">{money(summary.costToDate)}, every category and month</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-surface p-4 shadow-sm">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Net realised this year</dt>
          <dd
            className={`mt-1 text-2xl font-semibold tabular-nums ${summary.netRealisedThisYear.startsWith("-") ? "text-rose-700" : ""}`}
          >
            {formatMoneyShort(summary.netRealisedThisYear, c, locale)}
          </dd>
          <dd className="text-xs text-slate-500">{money(summary.netRealisedThisYear)}: realised EBITDA − costs</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-surface p-4 shadow-sm">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Past break-even</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">
            {breakEven.percent == null ? "—" : `${breakEven.percent} %`}
          </dd>
          <dd className="text-xs text-slate-500">
            {breakEven.production === 0
              ? "No use case in production yet"
              : `${breakEven.past} of ${breakEven.production} in production have covered their recorded costs`}
          </dd>
        </div>
      </dl>
      <div className="rounded-lg border border-slate-200 bg-surface p-4 shadow-sm">
        <h3 className="text-sm font-semibold text-slate-800">Value leakage</h3>
        <p className="text-xs text-slate-500">
          The biggest shortfalls of realised EBITDA against the base estimate to date, in production.
        </p>
        {summary.valueLeakage.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No shortfall: every use case in production meets its estimate.</p>
        ) : (
          <ol className="mt-2 divide-y divide-slate-100 text-sm">
            {summary.valueLeakage.map((item) => (
              <li key={item.key} className="flex flex-wrap justify-between gap-2 py-1.5">
                <Link href={`/use-cases/${item.key}#value`} className="text-brand-700 underline">
                  {item.key} · {item.title}
                </Link>
                <span className="tabular-nums text-slate-700">
                  {money(item.shortfall)} short ({money(item.actual)} of {money(item.estimate)})
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
