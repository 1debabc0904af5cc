import { describe, expect, it } from "vitest";
import { netValue, peopleCost } from "./net-value";

const base = { actuals: [], costs: [], start: "2026-01", investment: null, estimatedPaybackMonths: null };

describe("people costs", () => {
  it("are FTE days times the day rate, to the cent, half away from zero", () => {
    expect(peopleCost("10", "800")).toBe("8000.00");
    expect(peopleCost("2.5", "650.50")).toBe("1626.25");
    // 0.01 day at 0.50 is 0.005: half a cent rounds away from zero.
    expect(peopleCost("0.01", "0.50")).toBe("0.01");
    expect(peopleCost("0.01", "0.49")).toBe("0.00");
    expect(peopleCost("1000", "1000000000")).toBe("1000000000000.00");
  });
});

describe("net realised value, realised ROI and break-even on exact decimals", () => {
  it("is realised EBITDA minus costs, negative while costs exceed it (no break-even)", () => {
    const value = netValue({
      ...base,
      costs: [
        { period: "2025-11", amount: "100000" },
        { period: "2026-01", amount: "5000" },
      ],
      actuals: [{ period: "2026-01", ebitda: "20000" }],
      investment: "100000",
      estimatedPaybackMonths: "8.0",
    });
    expect(value.costToDate).toBe("105000.00");
    expect(value.realisedToDate).toBe("20000.00");
    expect(value.netRealised).toBe("-85000.00");
    expect(value.realisedRoi).toBe("-0.8500");
    expect(value.breakEvenPeriod).toBeNull();
    expect(value.monthsToBreakEven).toBeNull();
    expect(value.pastBreakEven).toBe(false);
    expect(value.estimatedPaybackMonths).toBe("8.0");
    expect(value.rows).toEqual([
      { period: "2026-01", cost: "5000.00", actual: "20000.00", cumulativeNet: "-85000.00" },
    ]);
  });

  it("a net of exactly zero has broken even; one cent short has not", () => {
    const costs = [{ period: "2026-01", amount: "1000.00" }];
    const even = netValue({ ...base, costs, actuals: [{ period: "2026-02", ebitda: "1000.00" }] });
    expect(even.netRealised).toBe("0.00");
    expect(even.pastBreakEven).toBe(true);
    expect(even.breakEvenPeriod).toBe("2026-02");
    expect(even.monthsToBreakEven).toBe(2);
    const short = netValue({ ...base, costs, actuals: [{ period: "2026-02", ebitda: "999.99" }] });
    expect(short.netRealised).toBe("-0.01");
    expect(short.pastBreakEven).toBe(false);
    expect(short.breakEvenPeriod).toBeNull();
  });

  it("counts months from the first month in production, the costs before it being the opening balance", () => {
    const value = netValue({
      ...base,
      start: "2026-03",
      costs: [
        { period: "2026-01", amount: "30000" },
        { period: "2026-02", amount: "30000" },
        { period: "2026-03", amount: "1000" },
        { period: "2026-04", amount: "1000" },
        { period: "2026-05", amount: "1000" },
      ],
      actuals: [
        { period: "2026-03", ebitda: "25000" },
        { period: "2026-04", ebitda: "25000" },
        { period: "2026-05", ebitda: "25000" },
      ],
      investment: "60000",
    });
    // -60000, then +24000 a month: -36000, -12000, +12000.
    expect(value.rows.map((row) => row.cumulativeNet)).toEqual(["-36000.00", "-12000.00", "12000.00"]);
    expect(value.breakEvenPeriod).toBe("2026-05");
    expect(value.monthsToBreakEven).toBe(3);
    expect(value.netRealised).toBe("12000.00");
    expect(value.realisedRoi).toBe("0.2000");
  });

  it("has nothing to pay back without costs, and no ROI without an investment", () => {
    const value = netValue({ ...base, actuals: [{ period: "2026-01", ebitda: "500" }] });
    expect(value.netRealised).toBe("500.00");
    expect(value.pastBreakEven).toBe(false);
    expect(value.breakEvenPeriod).toBeNull();
    expect(value.realisedRoi).toBeNull();
  });

  it("a negative month of EBITDA lowers the net; ROI rounds half away from zero at 4 decimals", () => {
    const value = netValue({
      ...base,
      costs: [{ period: "2026-01", amount: "0.01" }],
      actuals: [{ period: "2026-01", ebitda: "-0.02" }],
      investment: "600.00",
    });
    expect(value.netRealised).toBe("-0.03");
    // -3 / 60000 = -0.00005 -> -0.0001
    expect(value.realisedRoi).toBe("-0.0001");
  });

  it("stays exact at 10^12", () => {
    const value = netValue({
      ...base,
      costs: [
        { period: "2026-01", amount: "1000000000000.00" },
        { period: "2026-02", amount: "0.01" },
      ],
      actuals: [
        { period: "2026-01", ebitda: "999999999999.99" },
        { period: "2026-02", ebitda: "1000000000000.00" },
      ],
      investment: "1000000000000.00",
    });
    expect(value.costToDate).toBe("1000000000000.01");
    expect(value.realisedToDate).toBe("1999999999999.99");
    expect(value.netRealised).toBe("999999999999.98");
    expect(value.realisedRoi).toBe("1.0000");
    expect(value.rows.map((row) => row.cumulativeNet)).toEqual(["-0.01", "999999999999.98"]);
    expect(value.monthsToBreakEven).toBe(2);
  });

  it("has no month series before production", () => {
    const value = netValue({ ...base, start: null, costs: [{ period: "2026-01", amount: "10" }] });
    expect(value.rows).toEqual([]);
    expect(value.breakEvenPeriod).toBeNull();
    expect(value.costToDate).toBe("10.00");
    expect(value.netRealised).toBe("-10.00");
  });
});
