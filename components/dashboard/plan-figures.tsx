"use client";
import Link from "next/link";
import { formatDay } from "@/lib/dates";
import { formatMoney, formatMoneyShort } from "@/lib/money";
import type { PortfolioSummary } from "@/server/portfolio/portfolio-summary";

/** The plans against what happened: on-time rate per gate, average slippage, production expected this quarter. */
export function PlanFigures({ summary, locale }: { summary: PortfolioSummary; locale: string }) {
  const { plan, currency } = summary;
  const quarter = plan.productionThisQuarter;
  const box = "rounded-lg border border-slate-200 bg-surface p-4 shadow-sm";
  const term = "text-xs font-medium uppercase tracking-wide text-slate-500";
  return (
    <section aria-labelledby="plan-figures-heading" className="space-y-3">
      <h2 id="plan-figures-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        Against the plan{" "}
        <Link href="/roadmap" className="font-normal normal-case tracking-normal text-brand-700 underline">
          roadmap
        </Link>
      </h2>
      <dl className="grid gap-3 sm:grid-cols-3">
        <div className={box}>
          <dt className={term}>On time per gate</dt>
          {plan.onTime.map((gate) => (
            <dd key={gate.gate} className="mt-1 tabular-nums">
              <span className="font-semibold">{gate.gate}</span> {gate.rate == null ? "—" : `${gate.rate} %`}{" "}
              <span className="text-xs text-slate-500">
                ({gate.onTime} of {gate.due} due)
              </span>
            </dd>
          ))}
        </div>
        <div className={box}>
          <dt className={term}>Average slippage</dt>
          <dd className={`mt-1 text-2xl font-semibold tabular-nums ${plan.averageSlippageDays ? "text-rose-700" : ""}`}>
            {plan.averageSlippageDays == null ? "—" : `${plan.averageSlippageDays} days`}
          </dd>
          <dd className="text-xs text-slate-500">Over every planned stage that came due; on time counts 0</dd>
        </div>
        <div className={box}>
          <dt className={term}>Expected in production this quarter</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{quarter.count}</dd>
          <dd className="text-xs text-slate-500">
            {formatMoneyShort(quarter.ebitdaBase, currency, locale)} base EBITDA a year (
            {formatMoney(quarter.ebitdaBase, currency, locale)}), planned{" "}
            {formatDay(`${quarter.from}T00:00:00Z`, locale)} to {formatDay(`${quarter.to}T00:00:00Z`, locale)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
