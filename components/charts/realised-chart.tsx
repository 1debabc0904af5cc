"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/components/locale-context";
import { formatMoney, formatMoneyShort } from "@/lib/money";
import type { RealisedRow } from "@/lib/value";

/** Cumulative realised EBITDA against the cumulative base estimate, month by month. */
export function RealisedChart({ rows, currency }: { rows: RealisedRow[]; currency: string }) {
  const locale = useLocale();
  const money = (value: string | null | undefined, currency: string) => formatMoney(value, currency, locale);
  const moneyShort = (value: string | null | undefined, currency: string) => formatMoneyShort(value, currency, locale);
  const points = rows.map((row) => ({
    period: row.period,
    actual: Number(row.cumulativeActual),
    estimate: Number(row.cumulativeEstimate),
    raw: row,
  }));
  return (
    <figure className="space-y-2">
      <div className="h-64 w-full print:h-32" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={points} margin={{ top: 10, right: 20, bottom: 0, left: 10 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="period" tick={{ fontSize: 12 }} />
            <YAxis
              width={70}
              tick={{ fontSize: 12 }}
              tickFormatter={(v: number) =>
                `${v < 0 ? "−" : ""}${moneyShort(String(Math.round(Math.abs(v))), currency)}`
              }
            />
            <Tooltip
              formatter={(_value, name, item) => {
                const raw = (item.payload as { raw: RealisedRow }).raw;
                return [money(name === "Realised" ? raw.cumulativeActual : raw.cumulativeEstimate, currency), name];
              }}
            />
            <Legend />
            <Line
              type="linear"
              dataKey="actual"
              name="Realised"
              stroke="#059669"
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Line
              type="linear"
              dataKey="estimate"
              name="Estimated"
              stroke="#64748b"
              strokeDasharray="5 4"
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-slate-500">
        Cumulative EBITDA since the use case went into production.
      </figcaption>
    </figure>
  );
}
