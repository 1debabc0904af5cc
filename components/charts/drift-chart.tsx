"use client";
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/components/locale-context";
import { formatMoney, formatMoneyShort } from "@/lib/money";

export type DriftDatum = { label: string; low: string; base: string; high: string };

/**
 * The low-base-high band of the value estimate at each gate decision and today. Figures
 * arrive as decimal strings; they become numbers here only to be drawn. The same figures
 * are in a table for screen readers (and anyone who prefers numbers).
 */
export function DriftChart({ data, currency }: { data: DriftDatum[]; currency: string }) {
  const locale = useLocale();
  const money = (value: string | null | undefined, currency: string) => formatMoney(value, currency, locale);
  const moneyShort = (value: string | null | undefined, currency: string) => formatMoneyShort(value, currency, locale);
  const points = data.map((d) => ({
    label: d.label,
    band: [Number(d.low), Number(d.high)] as [number, number],
    base: Number(d.base),
    raw: d,
  }));
  return (
    <figure className="space-y-2">
      <div className="h-64 w-full print:h-32" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={points} margin={{ top: 10, right: 20, bottom: 0, left: 10 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis
              tickFormatter={(v: number) => moneyShort(String(Math.round(Math.abs(v))), currency)}
              width={70}
              tick={{ fontSize: 12 }}
            />
            <Tooltip
              formatter={(_value, name, item) => {
                const raw = (item.payload as { raw: DriftDatum }).raw;
                return name === "Low–high"
                  ? [`${money(raw.low, currency)} – ${money(raw.high, currency)}`, name]
                  : [money(raw.base, currency), name];
              }}
            />
            <Area
              type="linear"
              dataKey="band"
              name="Low–high"
              fill="#c7d2fe"
              stroke="#818cf8"
              fillOpacity={0.6}
              isAnimationActive={false}
            />
            <Line
              type="linear"
              dataKey="base"
              name="Base"
              stroke="#1d4ed8"
              strokeWidth={2}
              dot
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-slate-500">
        Estimated EBITDA per year at each gate decision and today: the band is low to high, the line the base.
      </figcaption>
      <table className="sr-only">
        <caption>Estimate drift</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Low</th>
            <th scope="col">Base</th>
            <th scope="col">High</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{money(d.low, currency)}</td>
              <td>{money(d.base, currency)}</td>
              <td>{money(d.high, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
