import { LazyPortfolioCharts } from "@/components/charts/lazy-charts";
import { PrintButton } from "@/components/ui/print-button";
import { STAGE_LABELS, STAGES, STOP_REASON_LABELS } from "@/lib/lifecycle";
import { formatMoney } from "@/lib/money";
import { filtersFromSearch, PortfolioFiltersSchema } from "@/lib/validation/portfolio";
import { requireUser } from "@/server/auth/current-user";
import { getLocale } from "@/server/locale";
import { cachedPortfolioSummary } from "@/server/portfolio/cached-summary";

export const metadata = { title: "Portfolio summary" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The portfolio summary, its tables and its charts, on two printed pages (print to PDF from the browser). */
export default async function PortfolioPrintPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/portfolio/print");
  const parsed = PortfolioFiltersSchema.safeParse(filtersFromSearch(await searchParams));
  const filters = parsed.success ? parsed.data : {};
  const summary = await cachedPortfolioSummary(user, filters);
  const locale = await getLocale();
  const money = (value: string) => formatMoney(value, summary.currency, locale);
  const filterText = Object.entries(filters)
    .map(([key, value]) => `${key} ${value}`)
    .join(", ");
  const cell = "border-b border-slate-200 px-2 py-1";
  return (
    <article className="mx-auto max-w-4xl space-y-5 text-sm">
      <div className="flex justify-end print:hidden">
        <PrintButton />
      </div>
      <header>
        <p className="text-xs uppercase tracking-wide text-slate-500">
          Roadbook portfolio summary · {new Date().toISOString().slice(0, 10)}
          {filterText && ` · ${filterText}`}
        </p>
        <h1 className="text-2xl font-semibold">Portfolio</h1>
        <p>
          {summary.byStatus.ACTIVE} active, {summary.byStatus.PAUSED} paused, {summary.byStatus.STOPPED} stopped ·
          weighted pipeline {money(summary.weightedPipeline)} · realised this year {money(summary.realisedThisYear)} ·{" "}
          {summary.openReviews} open reviews · {summary.overdueConditions} overdue conditions
        </p>
      </header>
      <table className="w-full">
        <caption className="text-left font-semibold">
          Per stage (active use cases, EBITDA per year in {summary.currency})
        </caption>
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className={cell}>Stage</th>
            <th className={`${cell} text-right`}>Active</th>
            <th className={`${cell} text-right`}>All</th>
            <th className={`${cell} text-right`}>Low</th>
            <th className={`${cell} text-right`}>Base</th>
            <th className={`${cell} text-right`}>High</th>
            <th className={`${cell} text-right`}>Weighted</th>
            <th className={`${cell} text-right`}>Median days to pass</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {STAGES.map((stage, i) => {
            const s = summary.byStage[stage];
            return (
              <tr key={stage}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {STAGE_LABELS[stage]}
                </th>
                <td className={`${cell} text-right`}>{s.active}</td>
                <td className={`${cell} text-right`}>{s.count}</td>
                <td className={`${cell} text-right`}>{money(s.ebitdaLow)}</td>
                <td className={`${cell} text-right`}>{money(s.ebitdaBase)}</td>
                <td className={`${cell} text-right`}>{money(s.ebitdaHigh)}</td>
                <td className={`${cell} text-right`}>
                  {money(s.weighted)} ({s.probability} %)
                </td>
                <td className={`${cell} text-right`}>{summary.timeInStage[i]?.medianDaysToPass ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="w-full">
        <caption className="text-left font-semibold">Gates</caption>
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className={cell}>Gate</th>
            <th className={`${cell} text-right`}>Decided</th>
            <th className={`${cell} text-right`}>Go</th>
            <th className={`${cell} text-right`}>Paused</th>
            <th className={`${cell} text-right`}>Stopped</th>
            <th className={`${cell} text-right`}>Conversion</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {summary.conversion.map((g) => (
            <tr key={g.gate}>
              <th scope="row" className={`${cell} text-left font-normal`}>
                {g.gate} {STAGE_LABELS[g.from]}
              </th>
              <td className={`${cell} text-right`}>{g.decided}</td>
              <td className={`${cell} text-right`}>{g.go}</td>
              <td className={`${cell} text-right`}>{g.paused}</td>
              <td className={`${cell} text-right`}>{g.stopped}</td>
              <td className={`${cell} text-right`}>{g.rate == null ? "—" : `${g.rate} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Against the plan: on time{" "}
        {summary.plan.onTime.map((g) => `${g.gate} ${g.rate == null ? "—" : `${g.rate} %`}`).join(", ")} · average
        slippage {summary.plan.averageSlippageDays == null ? "—" : `${summary.plan.averageSlippageDays} days`} ·
        expected in production this quarter {summary.plan.productionThisQuarter.count} (
        {money(summary.plan.productionThisQuarter.ebitdaBase)} base EBITDA a year).
      </p>
      {summary.stopReasons.length > 0 && (
        <p>
          Stop reasons: {summary.stopReasons.map((r) => `${STOP_REASON_LABELS[r.reason]} (${r.count})`).join(", ")}.
        </p>
      )}
      <section aria-label="Charts" className="print:break-before-page">
        <LazyPortfolioCharts summary={summary} forPrint />
      </section>
    </article>
  );
}
