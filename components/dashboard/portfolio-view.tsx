"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { LazyPortfolioCharts } from "@/components/charts/lazy-charts";
import { CostFigures } from "@/components/dashboard/cost-figures";
import { PlanFigures } from "@/components/dashboard/plan-figures";
import { useLocale } from "@/components/locale-context";
import { STAGE_LABELS, STAGES } from "@/lib/lifecycle";
import { formatMoney, formatMoneyShort, fromCents, totalToCents } from "@/lib/money";
import { portfolioQueryKey } from "@/lib/query-keys";
import type { PortfolioSummary } from "@/server/portfolio/portfolio-summary";

async function fetchSummary(query: string): Promise<PortfolioSummary> {
  const response = await fetch(`/api/v1/portfolio/summary${query ? `?${query}` : ""}`);
  if (!response.ok) throw new Error(`The portfolio figures could not be loaded (${response.status}).`);
  return response.json();
}

function Kpi({ label, value, detail, href }: { label: string; value: string; detail?: string; href: string }) {
  return (
    <Link
      href={href}
      className="block rounded-lg border border-slate-200 bg-surface p-4 shadow-sm hover:border-brand-500"
    >
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {detail && <p className="text-xs text-slate-500">{detail}</p>}
    </Link>
  );
}

/**
 * KPIs and charts of the portfolio. The server prefetches the figures into the query
 * cache (hydrated: no request on first render); TanStack Query refreshes them when the
 * window regains focus.
 */
export function PortfolioView({ query, valueFirst }: { query: string; valueFirst: boolean }) {
  const locale = useLocale();
  const { data: summary, error } = useQuery({ queryKey: portfolioQueryKey(query), queryFn: () => fetchSummary(query) });
  if (error)
    return (
      <p role="alert" className="text-sm text-rose-700">
        {error.message}
      </p>
    );
  if (!summary) return <p className="text-sm text-slate-500">Loading the portfolio…</p>;
  const c = summary.currency;
  const list = (extra: Record<string, string>) => {
    const params = new URLSearchParams(query);
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    return `/use-cases?${params.toString()}`;
  };
  const active = STAGES.reduce((sum, stage) => sum + summary.byStage[stage].active, 0);
  const money = (value: string) => formatMoney(value, c, locale);
  const sumOf = (key: "ebitdaBase" | "ebitdaLow" | "ebitdaHigh") =>
    fromCents(STAGES.reduce((sum, s) => sum + totalToCents(summary.byStage[s][key]), 0n));

  const valueKpis = (
    <>
      <Kpi
        label="Expected value (active)"
        value={formatMoneyShort(sumOf("ebitdaBase"), c, locale)}
        detail={`Range ${formatMoneyShort(sumOf("ebitdaLow"), c, locale)} – ${formatMoneyShort(sumOf("ebitdaHigh"), c, locale)} per year`}
        href={list({ status: "ACTIVE", sort: "value" })}
      />
      <Kpi
        label="Weighted pipeline"
        value={formatMoneyShort(summary.weightedPipeline, c, locale)}
        detail={`Base × ${STAGES.map((s) => `${summary.byStage[s].probability} %`).join(" / ")} per stage`}
        href={list({ status: "ACTIVE", sort: "value" })}
      />
      <Kpi
        label="Realised this year"
        value={formatMoneyShort(summary.realisedThisYear, c, locale)}
        detail={money(summary.realisedThisYear)}
        href={list({ stage: "PRODUCTION" })}
      />
    </>
  );
  const flowKpis = (
    <>
      <Kpi
        label="Active use cases"
        value={String(active)}
        detail={`${summary.byStatus.PAUSED} paused, ${summary.byStatus.STOPPED} stopped`}
        href={list({ status: "ACTIVE" })}
      />
      <Kpi label="Open reviews" value={String(summary.openReviews)} href="/reviews" />
      <Kpi label="Overdue conditions" value={String(summary.overdueConditions)} href="#conditions" />
    </>
  );
  return (
    <div className="space-y-6">
      <section aria-label="Key figures" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {valueFirst ? valueKpis : flowKpis}
        {valueFirst ? flowKpis : valueKpis}
      </section>
      <section aria-label="Per stage" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {STAGES.map((stage, index) => {
          const s = summary.byStage[stage];
          return (
            <Link
              key={stage}
              href={list({ stage, status: "ACTIVE" })}
              className="block rounded-lg border border-slate-200 bg-surface p-4 shadow-sm hover:border-brand-500"
            >
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
                Stage {index + 1} · {STAGE_LABELS[stage]}
              </p>
              <p className="mt-1 text-2xl font-semibold tabular-nums">{s.active} active</p>
              <p className="text-xs text-slate-500">{s.count} in all</p>
              <p className="mt-2 text-sm">
                <span className="font-medium">{formatMoneyShort(s.ebitdaBase, c, locale)}</span>{" "}
                <span className="text-slate-500">
                  ({formatMoneyShort(s.ebitdaLow, c, locale)} – {formatMoneyShort(s.ebitdaHigh, c, locale)})
                </span>
              </p>
              <p className="text-xs text-slate-500">
                weighted {formatMoneyShort(s.weighted, c, locale)} at {s.probability} %
              </p>
            </Link>
          );
        })}
      </section>
      {summary.otherCurrencies > 0 && (
        <p className="text-xs text-slate-500">
          Amounts are in {c}; {summary.otherCurrencies} use case{summary.otherCurrencies === 1 ? " is" : "s are"}{" "}
          estimated in another currency and left out of the sums.
        </p>
      )}
      <CostFigures summary={summary} locale={locale} />
      <PlanFigures summary={summary} locale={locale} />
      <LazyPortfolioCharts summary={summary} />
    </div>
  );
}
