// Cost against value: what a use case has cost, what it has realised net of that, and when it
// paid back. Exact decimals as in ./value.ts: amounts are integer cents (BigInt), ratios are
// rounded half away from zero. Never floats. The formulas are written out in docs/user-guide.md.
import { fromCents, signedCents, toCents } from "./money";
import { divide, monthsBetween } from "./value";

/** FTE days (at most 2 decimals) x the day rate, to the cent, rounded half away from zero. */
export function peopleCost(fteDays: string, dayRate: string): string {
  // FTE days in hundredths have the same shape as an amount in cents.
  const hundredths = toCents(fteDays);
  return fromCents(BigInt(divide(hundredths * toCents(dayRate), 100n, 0)));
}

export type NetValueInput = {
  actuals: { period: string; ebitda: string }[];
  costs: { period: string; amount: string }[];
  /** The first month in production (YYYY-MM); null when the use case is not there yet. */
  start: string | null;
  /** The current estimate's investment, which realised ROI is measured against. */
  investment: string | null;
  /** The current estimate's base payback in months, to compare the actual break-even with. */
  estimatedPaybackMonths: string | null;
};

export type NetValueRow = { period: string; cost: string; actual: string; cumulativeNet: string };

export type NetValue = {
  /** Every cost recorded, all categories and months. */
  costToDate: string;
  /** Every realised EBITDA entry. */
  realisedToDate: string;
  /** realisedToDate - costToDate. */
  netRealised: string;
  /** netRealised / investment, 4 decimals; null without an investment. */
  realisedRoi: string | null;
  /** The first month in production at which the cumulative net (costs before production included) is >= 0. */
  breakEvenPeriod: string | null;
  /** That month's number counted from the first month in production (1 = the first month). */
  monthsToBreakEven: number | null;
  estimatedPaybackMonths: string | null;
  /** Costs were recorded and the net realised value is >= 0 now. */
  pastBreakEven: boolean;
  /** Month by month from the first month in production to the latest entry. */
  rows: NetValueRow[];
};

/**
 * Net realised value and break-even. Costs and realised EBITDA from before the first month in
 * production are the opening balance; each month in production then adds its EBITDA and
 * subtracts its costs. Break-even is the first month whose cumulative net is >= 0, once any
 * cost has been recorded (with no cost there is nothing to pay back).
 */
export function netValue(input: NetValueInput): NetValue {
  const cost = new Map<string, bigint>();
  const actual = new Map<string, bigint>();
  for (const row of input.costs) cost.set(row.period, (cost.get(row.period) ?? 0n) + toCents(row.amount));
  for (const row of input.actuals) actual.set(row.period, (actual.get(row.period) ?? 0n) + signedCents(row.ebitda));
  const sum = (map: Map<string, bigint>) => [...map.values()].reduce((total, value) => total + value, 0n);
  const costToDate = sum(cost);
  const realisedToDate = sum(actual);
  const net = realisedToDate - costToDate;
  const investment = input.investment == null ? 0n : toCents(input.investment);

  const rows: NetValueRow[] = [];
  let breakEvenPeriod: string | null = null;
  let monthsToBreakEven: number | null = null;
  if (input.start) {
    const start = input.start;
    const periods = [...cost.keys(), ...actual.keys()].sort();
    const last = periods.at(-1);
    let cumulative = 0n;
    let costsSoFar = 0n;
    for (const period of periods.filter((p, i) => p < start && periods.indexOf(p) === i)) {
      cumulative += (actual.get(period) ?? 0n) - (cost.get(period) ?? 0n);
      costsSoFar += cost.get(period) ?? 0n;
    }
    const months = last && last >= start ? monthsBetween(start, last) : [];
    months.forEach((period, index) => {
      const monthCost = cost.get(period) ?? 0n;
      const monthActual = actual.get(period) ?? 0n;
      cumulative += monthActual - monthCost;
      costsSoFar += monthCost;
      if (breakEvenPeriod == null && costsSoFar > 0n && cumulative >= 0n) {
        breakEvenPeriod = period;
        monthsToBreakEven = index + 1;
      }
      rows.push({
        period,
        cost: fromCents(monthCost),
        actual: fromCents(monthActual),
        cumulativeNet: fromCents(cumulative),
      });
    });
  }
  return {
    costToDate: fromCents(costToDate),
    realisedToDate: fromCents(realisedToDate),
    netRealised: fromCents(net),
    realisedRoi: investment > 0n ? divide(net, investment, 4) : null,
    breakEvenPeriod,
    monthsToBreakEven,
    estimatedPaybackMonths: input.estimatedPaybackMonths,
    pastBreakEven: costToDate > 0n && net >= 0n,
    rows,
  };
}
