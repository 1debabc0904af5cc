// The value case's figures, exactly as ../shared/api-v1.md defines them, on exact decimals:
// amounts are integer cents (BigInt), ratios are rounded half away from zero. Never floats.
import { fromCents, toCents } from "./money";

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

/** Signed amount string ("-120000.50" allowed) to cents. */
export function signedCents(value: string): bigint {
  return value.startsWith("-") ? -toCents(value.slice(1)) : toCents(value);
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
