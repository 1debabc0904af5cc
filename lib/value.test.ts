import { describe, expect, it } from "vitest";
import { computeFigures, divide, formatPayback, formatRoi } from "./value";

describe("value figures on exact decimals", () => {
  it("divide rounds half away from zero at the scale", () => {
    expect(divide(1n, 3n, 4)).toBe("0.3333");
    expect(divide(2n, 3n, 4)).toBe("0.6667");
    expect(divide(1n, 8n, 2)).toBe("0.13"); // 0.125 -> 0.13
    expect(divide(-1n, 8n, 2)).toBe("-0.13");
    expect(divide(-1n, 1000n, 2)).toBe("0.00"); // no negative zero
    expect(divide(10n, 4n, 0)).toBe("3");
    expect(() => divide(1n, 0n, 2)).toThrow();
  });

  it("computes net annual, ROI and payback per scenario as api-v1.md defines them", () => {
    const figures = computeFigures({
      ebitdaLow: "300000",
      ebitdaBase: "520000",
      ebitdaHigh: "800000",
      investment: "250000",
      runCostPerYear: "60000",
      horizonYears: 3,
    });
    expect(figures.netAnnual).toEqual({ low: "240000.00", base: "460000.00", high: "740000.00" });
    // (240000*3 - 250000) / 250000 = 1.88
    expect(figures.roi).toEqual({ low: "1.8800", base: "4.5200", high: "7.8800" });
    // 250000 / (240000/12) = 12.5 ; 250000*12/460000 = 6.5217.. -> 6.5 ; 250000*12/740000 = 4.054 -> 4.1
    expect(figures.paybackMonths).toEqual({ low: "12.5", base: "6.5", high: "4.1" });
  });

  it("gives no payback and a negative ROI when the net benefit is not positive", () => {
    const figures = computeFigures({
      ebitdaLow: "50000",
      ebitdaBase: "60000",
      ebitdaHigh: "90000.01",
      investment: "100000",
      runCostPerYear: "60000",
      horizonYears: 2,
    });
    expect(figures.netAnnual).toEqual({ low: "-10000.00", base: "0.00", high: "30000.01" });
    expect(figures.roi.low).toBe("-1.2000"); // (-20000 - 100000) / 100000
    expect(figures.roi.base).toBe("-1.0000");
    expect(figures.paybackMonths.low).toBeNull();
    expect(figures.paybackMonths.base).toBeNull();
    expect(figures.paybackMonths.high).toBe("40.0"); // 1200000 / 30000.01 = 39.9999...
    expect(formatPayback(null)).toBe("no payback");
  });

  it("stays exact near the limits (10^12 amounts, one cent)", () => {
    const big = computeFigures({
      ebitdaLow: "1000000000000",
      ebitdaBase: "1000000000000",
      ebitdaHigh: "1000000000000",
      investment: "0.01",
      runCostPerYear: "0",
      horizonYears: 10,
    });
    expect(big.roi.base).toBe("999999999999999.0000"); // (10^13 - 0.01) / 0.01 - exact, no float drift
    expect(big.paybackMonths.base).toBe("0.0");
    const tiny = computeFigures({
      ebitdaLow: "0.02",
      ebitdaBase: "0.02",
      ebitdaHigh: "0.02",
      investment: "1000000000000",
      runCostPerYear: "0.01",
      horizonYears: 1,
    });
    expect(tiny.paybackMonths.base).toBe("1200000000000000.0");
    expect(tiny.roi.base).toBe("-1.0000");
  });

  it("formats ROI as a percentage", () => {
    expect(formatRoi("1.8800")).toBe("188.00 %");
    expect(formatRoi("0.0525")).toBe("5.25 %");
    expect(formatRoi("-0.0050")).toBe("−0.50 %");
    expect(formatRoi("0.0000")).toBe("0.00 %");
  });
});

describe("realised value against the estimate", () => {
  it("accumulates actuals month by month against base / 12 per month, with the variance in %", async () => {
    const { realisedSeries, monthsBetween } = await import("./value");
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    const realised = realisedSeries(
      [
        { period: "2026-03", ebitda: "90000" },
        { period: "2026-01", ebitda: "100000" },
        { period: "2026-02", ebitda: "-5000.50" },
      ],
      "1200000",
      "2026-01",
    );
    expect(realised.rows).toEqual([
      { period: "2026-01", actual: "100000.00", cumulativeActual: "100000.00", cumulativeEstimate: "100000.00" },
      { period: "2026-02", actual: "-5000.50", cumulativeActual: "94999.50", cumulativeEstimate: "200000.00" },
      { period: "2026-03", actual: "90000.00", cumulativeActual: "184999.50", cumulativeEstimate: "300000.00" },
    ]);
    // (184999.50 - 300000) / 300000 = -38.3335 % -> -38.33
    expect(realised.variancePercent).toBe("-38.33");
    const gap = realisedSeries([{ period: "2026-03", ebitda: "10" }], "1000", "2026-01");
    expect(gap.rows.map((r) => r.actual)).toEqual([null, null, "10.00"]);
    expect(gap.cumulativeEstimate).toBe("250.00");
    expect(realisedSeries([], "1000", "2026-01")).toEqual({
      rows: [],
      cumulativeActual: "0.00",
      cumulativeEstimate: "0.00",
      variancePercent: null,
    });
  });
});
