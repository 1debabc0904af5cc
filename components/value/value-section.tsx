import Link from "next/link";
import { LazyDriftChart, LazyRealisedChart } from "@/components/charts/lazy-charts";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { STAGE_LABELS } from "@/lib/lifecycle";
import { formatMoney } from "@/lib/money";
import { CONFIDENCE_LABELS, type Confidence } from "@/lib/validation/value";
import { getLocale } from "@/server/locale";
import type { ValueCase } from "@/server/value/value-case";
import { ActualForm } from "./actual-form";
import { CostSection } from "./cost-section";
import { FiguresTable } from "./figures-table";
import { ReviseEstimate } from "./revise-estimate";
import { RevisionSummary } from "./revision-summary";

/** The value case: current estimate and its figures, drift across gates, revisions, realised value. */
export async function ValueSection({
  useCaseKey,
  value,
  interactive = true,
}: {
  useCaseKey: string;
  value: ValueCase;
  interactive?: boolean;
}) {
  const locale = await getLocale();
  const money = (value: string | null | undefined, currency: string) => formatMoney(value, currency, locale);
  const { current, realised, currency } = value;
  const initial = {
    ebitdaLow: current?.ebitdaLow ?? value.range.low ?? "",
    ebitdaBase: current?.ebitdaBase ?? value.range.base ?? "",
    ebitdaHigh: current?.ebitdaHigh ?? value.range.high ?? "",
    investment: current?.investment ?? "",
    runCostPerYear: current?.runCostPerYear ?? "",
    horizonYears: String(current?.horizonYears ?? 3),
    currency: current?.currency ?? currency,
    confidence: current?.confidence ?? "MEDIUM",
    assumptions: current?.assumptions ?? "",
  };
  return (
    <section
      id="value"
      aria-labelledby="value-heading"
      className="space-y-5 rounded-lg border border-slate-200 bg-surface p-5 print:space-y-3 print:border-0 print:p-0"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="value-heading" className="text-lg font-semibold">
          Value case
        </h2>
        {interactive && (
          <Link href={`/use-cases/${useCaseKey}/value-case`} className="text-sm text-brand-700 underline print:hidden">
            Printable one-page value case
          </Link>
        )}
      </div>

      {current ? (
        <div className="space-y-2">
          <FiguresTable estimate={current} locale={locale} />
          <p className="text-xs text-slate-500">
            Investment {money(current.investment, current.currency)} · run cost{" "}
            {money(current.runCostPerYear, current.currency)} per year · confidence{" "}
            {CONFIDENCE_LABELS[current.confidence as Confidence] ?? current.confidence} · revised by{" "}
            {current.author.name} on <LocalDate value={current.createdAt} /> in {STAGE_LABELS[current.stage]}
          </p>
          {current.assumptions && (
            <p className="whitespace-pre-line text-sm text-slate-700">Assumptions: {current.assumptions}</p>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          {value.range.base
            ? `Intake range: ${money(value.range.low, currency)} – ${money(value.range.high, currency)} per year (base ${money(value.range.base, currency)}). Revise it with the investment and run cost to see ROI and payback.`
            : "No estimate yet. Give a low, base and high EBITDA range, the investment and the run cost."}
        </p>
      )}
      {interactive && value.canRevise && <ReviseEstimate useCaseKey={useCaseKey} initial={initial} />}

      {/* In print the two charts sit side by side, so the value case fits one sheet. */}
      <div className="space-y-5 print:grid print:grid-cols-2 print:gap-4 print:space-y-0">
        {value.drift.length > 0 && (
          <div className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-800">Estimate drift across gates</h3>
            <LazyDriftChart data={value.drift} currency={currency} />
          </div>
        )}

        {realised && (
          <div className="space-y-3">
            <h3 className="text-sm font-semibold text-slate-800">Realised value</h3>
            <dl className="grid gap-3 sm:grid-cols-3" aria-label="Realised against estimated">
              <div className="rounded-md bg-slate-50 p-3">
                <dt className="text-xs uppercase text-slate-500">Realised to date</dt>
                <dd className="text-lg font-semibold tabular-nums">{money(realised.cumulativeActual, currency)}</dd>
              </div>
              <div className="rounded-md bg-slate-50 p-3">
                <dt className="text-xs uppercase text-slate-500">Estimated to date</dt>
                <dd className="text-lg font-semibold tabular-nums">{money(realised.cumulativeEstimate, currency)}</dd>
              </div>
              <div className="rounded-md bg-slate-50 p-3">
                <dt className="text-xs uppercase text-slate-500">Variance</dt>
                <dd
                  className={`text-lg font-semibold tabular-nums ${realised.variancePercent?.startsWith("-") ? "text-rose-700" : "text-emerald-700"}`}
                >
                  {realised.variancePercent == null
                    ? "—"
                    : `${realised.variancePercent.startsWith("-") ? "−" : "+"}${realised.variancePercent.replace("-", "")} %`}
                </dd>
              </div>
            </dl>
            <p className="text-xs text-slate-500">
              Against {realised.basis}, per month since {realised.start}.
            </p>
            {realised.rows.length > 0 ? (
              <LazyRealisedChart rows={realised.rows} currency={currency} />
            ) : (
              <EmptyState>No realised value recorded yet.</EmptyState>
            )}
            {interactive && value.canRecordActual && (
              <ActualForm useCaseKey={useCaseKey} defaultPeriod={new Date().toISOString().slice(0, 7)} />
            )}
          </div>
        )}
      </div>

      <CostSection useCaseKey={useCaseKey} value={value} locale={locale} interactive={interactive} />

      {value.revisions.length > 0 && !interactive && <RevisionSummary revisions={value.revisions} money={money} />}
      {value.revisions.length > 0 && interactive && (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-semibold text-slate-800">
            Revision history ({value.revisions.length})
          </summary>
          <ol className="mt-2 divide-y divide-slate-100 text-sm">
            {value.revisions.map((revision) => (
              <li key={revision.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                <span className="tabular-nums">
                  {money(revision.ebitdaLow, revision.currency)} – {money(revision.ebitdaHigh, revision.currency)} (base{" "}
                  {money(revision.ebitdaBase, revision.currency)})
                </span>
                <span className="text-slate-500">
                  {revision.author.name} · {STAGE_LABELS[revision.stage]} · <LocalDate value={revision.createdAt} />
                </span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
