import { formatMoneyShort } from "@/lib/money";

/**
 * The expected EBITDA range as a band on a scale from zero: low to high shaded, the base
 * marked. Figures are written out too (and the whole is one text alternative for screen readers).
 */
export function ValueRangeBar({
  ebitda,
  locale,
}: {
  ebitda: { low: string | null; base: string | null; high: string | null; currency: string };
  locale: string;
}) {
  const [low, base, high] = [ebitda.low, ebitda.base, ebitda.high].map((v) =>
    v == null || v === "" ? null : Number(v),
  );
  const money = (value: string | null) => formatMoneyShort(value, ebitda.currency, locale);
  if (base == null || low == null || high == null || !(high > 0) || low < 0)
    return (
      <p className="text-sm text-slate-600">
        Expected EBITDA per year: {base == null ? "not estimated yet" : `${money(ebitda.base)} (base)`}
      </p>
    );
  const max = high * 1.1;
  const at = (value: number) => `${Math.min(100, Math.max(0, (value / max) * 100))}%`;
  const label = `Expected EBITDA per year: ${money(ebitda.low)} low, ${money(ebitda.base)} base, ${money(ebitda.high)} high`;
  return (
    <figure role="img" aria-label={label} className="w-full max-w-sm">
      <figcaption aria-hidden className="text-xs font-medium tracking-wide text-slate-600 uppercase">
        Expected EBITDA per year
      </figcaption>
      <div aria-hidden className="relative mt-2 h-2 rounded-full bg-slate-200">
        <div
          className="absolute inset-y-0 rounded-full bg-brand-200"
          style={{ left: at(low), width: `calc(${at(high)} - ${at(low)})` }}
        />
        <div className="absolute -top-1 h-4 w-1 -translate-x-1/2 rounded bg-slate-900" style={{ left: at(base) }} />
      </div>
      <div aria-hidden className="mt-1.5 flex justify-between text-xs tabular-nums text-slate-600">
        <span>{money(ebitda.low)}</span>
        <span className="font-semibold text-slate-900">{money(ebitda.base)} base</span>
        <span>{money(ebitda.high)}</span>
      </div>
    </figure>
  );
}
