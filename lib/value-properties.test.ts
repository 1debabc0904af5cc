// The value figures against an independent reference on exact rationals: for any amounts the
// API accepts (0 to 10^12, in cents) and any horizon, net annual, ROI and payback equal the
// reference's, digit for digit, ties included. The reference shares no code with lib/value.ts:
// it rounds by comparing the remainder, and formats by inserting the decimal point in a string.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromCents } from "./money";
import { computeFigures, divide } from "./value";

/** A rational p/q, q > 0. */
type Rational = { p: bigint; q: bigint };

const rational = (p: bigint, q: bigint): Rational => (q < 0n ? { p: -p, q: -q } : { p, q });

/** p/q to `scale` decimals, half away from zero: floor the magnitude, round up when the rest is >= half. */
function reference(value: Rational, scale: number): string {
  const negative = value.p < 0n;
  const magnitude = (negative ? -value.p : value.p) * 10n ** BigInt(scale);
  let units = magnitude / value.q;
  const rest = magnitude - units * value.q;
  if (rest * 2n >= value.q) units += 1n;
  let digits = units.toString().padStart(scale + 1, "0");
  if (scale > 0) digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative && units !== 0n ? `-${digits}` : digits;
}

/** Cents to the API's amount string ("1234.50"), the way a person writes it. */
const amount = (cents: bigint) => `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;

const MAX_CENTS = 10n ** 12n * 100n;
/** Amounts across every magnitude: small ones, round ones, and up to the 10^12 maximum. */
const cents = fc.oneof(
  fc.bigInt({ min: 0n, max: 100_000n }),
  fc.bigInt({ min: 0n, max: MAX_CENTS }),
  fc.constantFrom(0n, 1n, 5n, 50n, 100n, MAX_CENTS - 1n, MAX_CENTS),
);

describe("value figures: properties against a rational reference", () => {
  it("net annual, ROI and payback match the reference for any accepted amounts", () => {
    fc.assert(
      fc.property(
        cents,
        cents,
        cents,
        cents.filter((c) => c > 0n),
        cents,
        fc.integer({ min: 1, max: 10 }),
        (low, base, high, investment, runCost, horizonYears) => {
          const ebitda = { low, base, high };
          const figures = computeFigures({
            ebitdaLow: amount(low),
            ebitdaBase: amount(base),
            ebitdaHigh: amount(high),
            investment: amount(investment),
            runCostPerYear: amount(runCost),
            horizonYears,
          });
          for (const s of ["low", "base", "high"] as const) {
            const net = ebitda[s] - runCost;
            expect(figures.netAnnual[s]).toBe(reference(rational(net, 100n), 2));
            // roi = (net * horizon - investment) / investment; the cents cancel.
            expect(figures.roi[s]).toBe(reference(rational(net * BigInt(horizonYears) - investment, investment), 4));
            // payback = investment / (net / 12) months; none when the net is not positive.
            expect(figures.paybackMonths[s]).toBe(net > 0n ? reference(rational(investment * 12n, net), 1) : null);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("divide rounds like the reference for any signs, ties and scales", () => {
    const tie = fc
      .tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.integer({ min: 0, max: 5 }))
      .map(([n, scale]) => ({ n: n * 10n + 5n * (n < 0n ? -1n : 1n), d: 10n ** BigInt(scale + 1), scale }));
    const any = fc.record({
      n: fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
      d: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((d) => d !== 0n),
      scale: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(fc.oneof(tie, any), ({ n, d, scale }) => {
        expect(divide(n, d, scale)).toBe(reference(rational(n, d), scale));
      }),
      { numRuns: 2000 },
    );
  });

  it("rounds exact .x5 ties on negative values away from zero, and never writes -0", () => {
    // roi = (net - investment) / investment with investment 1000.00 (100000 cents), horizon 1.
    const roi = (netCents: bigint) =>
      computeFigures({
        ebitdaLow: amount(netCents),
        ebitdaBase: amount(netCents),
        ebitdaHigh: amount(netCents),
        investment: "1000.00",
        runCostPerYear: "0.00",
        horizonYears: 1,
      }).roi.base;
    expect(roi(87_655n)).toBe("-0.1235"); // -0.12345
    expect(roi(112_345n)).toBe("0.1235"); // 0.12345
    expect(roi(99_995n)).toBe("-0.0001"); // -0.00005
    expect(roi(99_997n)).toBe("0.0000"); // -0.00003: rounds to zero, written without a sign
    expect(roi(0n)).toBe("-1.0000");
    expect(divide(-25n, 10n, 0)).toBe("-3"); // -2.5
    expect(divide(25n, -10n, 0)).toBe("-3");
    expect(divide(-15n, 100n, 1)).toBe("-0.2"); // -0.15
    expect(divide(-5n, 100n, 1)).toBe("-0.1"); // -0.05
    // A negative net, exact to the cent.
    const loss = computeFigures({
      ebitdaLow: "0.05",
      ebitdaBase: "0.05",
      ebitdaHigh: "0.05",
      investment: "1.00",
      runCostPerYear: "0.10",
      horizonYears: 1,
    });
    expect(loss.netAnnual.base).toBe("-0.05");
    expect(loss.paybackMonths.base).toBeNull();
    expect(fromCents(-5n)).toBe("-0.05");
  });

  it("keeps the 10^12 maximum exact", () => {
    const max = "1000000000000.00";
    const figures = computeFigures({
      ebitdaLow: max,
      ebitdaBase: max,
      ebitdaHigh: max,
      investment: "0.01",
      runCostPerYear: "0.00",
      horizonYears: 10,
    });
    expect(figures.netAnnual.high).toBe(max);
    // (10^14 cents * 10 - 1) / 1 cent
    expect(figures.roi.high).toBe("999999999999999.0000");
    expect(figures.paybackMonths.high).toBe("0.0");
  });
});
