// The value case's figures, exactly as docs/api-v1.md defines them, on exact decimals:
// amounts are integer cents (BigInt), ratios are rounded half away from zero. Never floats.
import { fromCents, signedCents, toCents } from "./money";

export const SCENARIOS = ["low", "base", "high"] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** n / d as a decimal string with `scale` decimals, rounded half away from zero. */
export function divide(n: bigint, d: bigint, scale: number): string {
  if (d === 0n) throw new Error("division by zero");
  const negative = n < 0n !== d < 0n && n !== 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const factor = 10n ** BigInt(scale);
  const scaled = (an * factor * 2n + ad) / (2n * ad); // half away from zero on the magnitude
  const whole = scaled / factor;
  const fraction = scale > 0 ? `.${(scaled % factor).toString().padStart(scale, "0")}` : "";
  const text = `${whole}${fraction}`;
  return negative && scaled !== 0n ? `-${text}` : text;
}

export type EstimateInput = {
  ebitdaLow: string;
  ebitdaBase: string;
  ebitdaHigh: string;
  investment: string;
  runCostPerYear: string;
  horizonYears: number;
};

export type EstimateFigures = {
  netAnnual: Record<Scenario, string>;
  roi: Record<Scenario, string>;
  paybackMonths: Record<Scenario, string | null>;
};

/**
 * Per scenario s: netAnnual = ebitda_s - runCostPerYear;
 * roi = (netAnnual * horizonYears - investment) / investment (4 decimals);
 * paybackMonths = investment / (netAnnual / 12) (1 decimal; null when netAnnual <= 0).
 */
export function computeFigures(estimate: EstimateInput): EstimateFigures {
  const investment = toCents(estimate.investment);
  const runCost = toCents(estimate.runCostPerYear);
  const horizon = BigInt(estimate.horizonYears);
  const ebitda: Record<Scenario, bigint> = {
    low: toCents(estimate.ebitdaLow),
    base: toCents(estimate.ebitdaBase),
    high: toCents(estimate.ebitdaHigh),
  };
  const figures: EstimateFigures = {
    netAnnual: { low: "", base: "", high: "" },
    roi: { low: "", base: "", high: "" },
    paybackMonths: { low: null, base: null, high: null },
  };
  for (const s of SCENARIOS) {
    const net = ebitda[s] - runCost;
    figures.netAnnual[s] = fromCents(net);
    figures.roi[s] = divide(net * horizon - investment, investment, 4);
    figures.paybackMonths[s] = net > 0n ? divide(investment * 12n, net, 1) : null;
  }
  return figures;
}

/** "0.2345" -> "23.45 %"; display only. */
export function formatRoi(roi: string): string {
  const negative = roi.startsWith("-");
  const digits = (negative ? roi.slice(1) : roi).replace(".", "").replace(/^0+(?=\d)/, "");
  const padded = digits.padStart(3, "0");
  const percent = `${padded.slice(0, -2)}.${padded.slice(-2)}`;
  return `${negative ? "−" : ""}${percent} %`;
}

/** Payback for display: "14.5 months" or "no payback". */
export function formatPayback(months: string | null): string {
  return months == null ? "no payback" : `${months} months`;
}

/** Months from `from` to `to` inclusive, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  const [endYear, endMonth] = to.split("-").map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    if (months.length > 1200) break;
  }
  return months;
}

export type RealisedRow = {
  period: string;
  actual: string | null;
  cumulativeActual: string;
  cumulativeEstimate: string;
};

export type Realised = {
  rows: RealisedRow[];
  cumulativeActual: string;
  cumulativeEstimate: string;
  /** (cumulative actual - cumulative estimate) / cumulative estimate, in %, 2 decimals; null without an estimate. */
  variancePercent: string | null;
};

/**
 * Realised value against the estimate, month by month from `start` (the first month in
 * production) to the latest entry: cumulative actual EBITDA against the cumulative base
 * estimate (base per year x months / 12). A month without an entry adds nothing.
 */
export function realisedSeries(
  actuals: { period: string; ebitda: string }[],
  baseAnnual: string,
  start: string,
): Realised {
  const sorted = [...actuals].sort((a, b) => a.period.localeCompare(b.period));
  const last = sorted.at(-1)?.period;
  const first = sorted[0]?.period;
  const from = first && first < start ? first : start;
  const months = last && last >= from ? monthsBetween(from, last) : [];
  const base = toCents(baseAnnual);
  let cumulative = 0n;
  let estimate = 0n;
  const rows = months.map((period, index) => {
    const entry = sorted.find((actual) => actual.period === period);
    if (entry) cumulative += signedCents(entry.ebitda);
    estimate = BigInt(divide(base * BigInt(index + 1), 12n, 0));
    return {
      period,
      actual: entry ? fromCents(signedCents(entry.ebitda)) : null,
      cumulativeActual: fromCents(cumulative),
      cumulativeEstimate: fromCents(estimate),
    };
  });
  return {
    rows,
    cumulativeActual: fromCents(cumulative),
    cumulativeEstimate: fromCents(estimate),
    variancePercent: estimate === 0n ? null : divide((cumulative - estimate) * 100n, estimate, 2),
  };
}
