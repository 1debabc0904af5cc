import { describe, expect, it } from "vitest";
import { type MatrixPoint, matrixAxes, quadrantOf, sortPoints } from "./priority-matrix";
import { DEFAULT_MODEL, RICE_MODEL } from "./priority-score";

const point = (number: number, extra: Partial<MatrixPoint>): MatrixPoint => ({
  key: `UC-${number}`,
  number,
  title: `Title ${number}`,
  stage: "POC",
  status: "ACTIVE",
  benefitArea: null,
  ebitda: { low: null, base: null, high: null, currency: "EUR" },
  rangeWidth: null,
  value: 3,
  valueFrom: "scores",
  effort: 3,
  quadrant: "fill-ins",
  ...extra,
});

describe("the priority matrix", () => {
  it("splits the 1-5 square above the middle", () => {
    expect(quadrantOf(500, 100)).toBe("quick-wins");
    expect(quadrantOf(301, 300)).toBe("quick-wins");
    expect(quadrantOf(301, 301)).toBe("big-bets");
    expect(quadrantOf(300, 300)).toBe("fill-ins");
    expect(quadrantOf(100, 100)).toBe("fill-ins");
    expect(quadrantOf(300, 301)).toBe("money-pits");
    expect(quadrantOf(100, 500)).toBe("money-pits");
  });

  it("takes business value and feasibility turned around, or RICE's impact and effort", () => {
    expect(matrixAxes(DEFAULT_MODEL)).toEqual({
      value: { key: "business-value", label: "Business value" },
      effort: { key: "feasibility", label: "Feasibility", inverted: true },
    });
    expect(matrixAxes(RICE_MODEL)).toEqual({
      value: { key: "impact", label: "Impact" },
      effort: { key: "effort", label: "Effort", inverted: false },
    });
    const derived = DEFAULT_MODEL.criteria.map((c) =>
      c.key === "feasibility" ? { ...c, derivedFrom: "RISK_TIER" as const } : c,
    );
    expect(matrixAxes({ ...DEFAULT_MODEL, criteria: derived }).effort).toBeNull();
  });

  it("sorts the table's rows by a column, ties by key, money exactly", () => {
    const rows = [
      point(3, { value: 4, rangeWidth: "1000000000000.01", title: "b" }),
      point(1, { value: 4, rangeWidth: "1000000000000.00", title: "a" }),
      point(2, { value: 2, rangeWidth: null, title: "C" }),
    ];
    const keys = (sorted: MatrixPoint[]) => sorted.map((p) => p.number);
    expect(keys(sortPoints(rows, "value", "descending"))).toEqual([1, 3, 2]);
    expect(keys(sortPoints(rows, "value", "ascending"))).toEqual([2, 1, 3]);
    expect(keys(sortPoints(rows, "range", "descending"))).toEqual([3, 1, 2]);
    expect(keys(sortPoints(rows, "range", "ascending"))).toEqual([2, 1, 3]);
    expect(keys(sortPoints(rows, "title", "ascending"))).toEqual([1, 3, 2]);
    expect(keys(rows)).toEqual([3, 1, 2]); // a new array
  });
});
