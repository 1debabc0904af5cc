import { EmptyState } from "@/components/ui/empty-state";
import { formatDay } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { COST_CATEGORY_LABELS } from "@/lib/validation/cost-categories";
import { formatRoi } from "@/lib/value";
import type { ValueCase } from "@/server/value/value-case";
import { CostForm } from "./cost-form";

const signedClass = (value: string) => (value.startsWith("-") ? "text-rose-700" : "text-emerald-700");

/** What the use case has cost, its net realised value, realised ROI and break-even against the estimate's payback. */
export function CostSection({
  useCaseKey,
  value,
  locale,
  interactive,
}: {
  useCaseKey: string;
  value: ValueCase;
  locale: string;
  interactive: boolean;
}) {
  const { net, costs, currency, dayRate } = value;
  const money = (amount: string | null | undefined) => formatMoney(amount, currency, locale);
  const breakEven =
    net.monthsToBreakEven != null
      ? `${net.monthsToBreakEven} ${net.monthsToBreakEven === 1 ? "month" : "months"} (${net.breakEvenPeriod})`
      : net.costToDate === "0.00"
        ? "No costs recorded"
        : "Not yet";
  return (
    <section className="space-y-3" aria-labelledby="cost-heading">
      <h3 id="cost-heading" className="text-sm font-semibold text-slate-800">
        Cost and net value
      </h3>
      <dl className="grid gap-3 sm:grid-cols-4" aria-label="Cost and net value">
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-xs uppercase text-slate-500">Cost to date</dt>
          <dd className="text-lg font-semibold tabular-nums">{money(net.costToDate)}</dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-xs uppercase text-slate-500">Net realised value</dt>
          <dd className={`text-lg font-semibold tabular-nums ${signedClass(net.netRealised)}`}>
            {money(net.netRealised)}
          </dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-xs uppercase text-slate-500">Realised ROI</dt>
          <dd className="text-lg font-semibold tabular-nums">
            {net.realisedRoi == null ? "—" : formatRoi(net.realisedRoi)}
          </dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-xs uppercase text-slate-500">Break-even</dt>
          <dd className="text-lg font-semibold tabular-nums">{breakEven}</dd>
          <dd className="text-xs text-slate-500">
            Estimated payback:{" "}
            {net.estimatedPaybackMonths == null ? "none in the estimate" : `${net.estimatedPaybackMonths} months`}
          </dd>
        </div>
      </dl>
      <p className="text-xs text-slate-500">
        Net realised value = realised EBITDA ({money(net.realisedToDate)}) − costs. Realised ROI = net realised value ÷
        the estimate's investment. Break-even counts months from the first month in production.
      </p>
      {costs.length > 0 ? (
        <table className="w-full text-sm">
          <caption className="sr-only">Costs recorded</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs uppercase text-slate-500">
              <th scope="col" className="py-1.5 pr-3 font-medium">
                Month
              </th>
              <th scope="col" className="py-1.5 pr-3 font-medium">
                Category
              </th>
              <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                Amount
              </th>
              <th scope="col" className="py-1.5 font-medium">
                Details
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {costs.map((cost) => (
              <tr key={cost.id}>
                <td className="py-1.5 pr-3 tabular-nums">{cost.period}</td>
                <td className="py-1.5 pr-3">{COST_CATEGORY_LABELS[cost.category]}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{money(cost.amount)}</td>
                <td className="py-1.5 text-slate-600">
                  {cost.fteDays != null && `${cost.fteDays} FTE days at ${money(cost.dayRate)} · `}
                  {cost.author.name}, {formatDay(cost.createdAt)}
                  {cost.note && ` · ${cost.note}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState>
          No costs recorded yet. Record people (FTE days), cloud, licence and other costs month by month to see the net
          value.
        </EmptyState>
      )}
      {interactive && value.canRecordCost && (
        <CostForm
          useCaseKey={useCaseKey}
          defaultPeriod={new Date().toISOString().slice(0, 7)}
          dayRateText={
            dayRate == null
              ? null
              : `Priced at ${formatMoney(dayRate.amount, dayRate.currency, locale)} per FTE day (Settings).`
          }
        />
      )}
    </section>
  );
}
