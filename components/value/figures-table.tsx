import { formatMoney } from "@/lib/money";
import { formatPayback, formatRoi, SCENARIOS } from "@/lib/value";
import type { EstimateDto } from "@/server/value/estimate-dto";

/** EBITDA, net annual benefit, ROI and payback for the low, base and high scenarios. */
export function FiguresTable({ estimate, locale }: { estimate: EstimateDto; locale: string }) {
  const money = (value: string | null | undefined, currency: string) => formatMoney(value, currency, locale);
  const c = estimate.currency;
  const ebitda = { low: estimate.ebitdaLow, base: estimate.ebitdaBase, high: estimate.ebitdaHigh };
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Value figures per scenario</caption>
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-2">
            <span className="sr-only">Figure</span>
          </th>
          <th scope="col" className="py-1 pr-2 text-right">
            Low
          </th>
          <th scope="col" className="py-1 pr-2 text-right">
            Base
          </th>
          <th scope="col" className="py-1 text-right">
            High
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 tabular-nums">
        <tr>
          <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-600">
            EBITDA per year
          </th>
          {SCENARIOS.map((s) => (
            <td key={s} className="py-1 pr-2 text-right">
              {money(ebitda[s], c)}
            </td>
          ))}
        </tr>
        <tr>
          <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-600">
            Net annual benefit
          </th>
          {SCENARIOS.map((s) => (
            <td key={s} className="py-1 pr-2 text-right">
              {money(estimate.netAnnual[s], c)}
            </td>
          ))}
        </tr>
        <tr>
          <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-600">
            ROI over {estimate.horizonYears} {estimate.horizonYears === 1 ? "year" : "years"}
          </th>
          {SCENARIOS.map((s) => (
            <td key={s} className="py-1 pr-2 text-right font-medium">
              {formatRoi(estimate.roi[s])}
            </td>
          ))}
        </tr>
        <tr>
          <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-600">
            Payback
          </th>
          {SCENARIOS.map((s) => (
            <td key={s} className="py-1 pr-2 text-right">
              {formatPayback(estimate.paybackMonths[s])}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
