import { describe, expect, it } from "vitest";
import { position, type RoadmapUseCase, slips, stageSpans, timelineWindow } from "./roadmap";

const row = (over: Partial<RoadmapUseCase>): RoadmapUseCase => ({
  key: "UC-1",
  title: "Churn",
  stage: "PROTOTYPE",
  entered: { POC: "2026-09-01", PROTOTYPE: "2026-12-20", PACKAGING: null, PRODUCTION: null },
  targets: { prototype: "2026-12-01", packaging: "2027-02-01", production: "2027-05-01" },
  ...over,
});

describe("the roadmap's timeline", () => {
  it("shows 8 quarters by quarter and 12 months by month, across the year end", () => {
    const quarters = timelineWindow("quarter", "2026-12-31");
    expect(quarters.ticks.map((t) => t.label)).toEqual([
      "Q4 2025",
      "Q1 2026",
      "Q2 2026",
      "Q3 2026",
      "Q4 2026",
      "Q1 2027",
      "Q2 2027",
      "Q3 2027",
    ]);
    expect(quarters).toMatchObject({ from: "2025-10-01", to: "2027-10-01" });
    const months = timelineWindow("month", "2027-01-15");
    expect(months).toMatchObject({ from: "2026-09-01", to: "2027-09-01" });
    expect(months.ticks).toHaveLength(12);
    expect(months.ticks[4]).toEqual({ day: "2027-01-01", label: "2027-01" });
  });

  it("places days in the window in percent, clamped at its edges", () => {
    const window = { from: "2026-01-01", to: "2026-01-11" };
    expect(position("2026-01-06", window)).toBe(50);
    expect(position("2025-06-01", window)).toBe(0);
    expect(position("2027-06-01", window)).toBe(100);
  });

  it("draws a span per stage reached, the current one up to today", () => {
    expect(stageSpans(row({}), "2027-01-10")).toEqual([
      { stage: "POC", from: "2026-09-01", to: "2026-12-20", current: false },
      { stage: "PROTOTYPE", from: "2026-12-20", to: "2027-01-10", current: true },
    ]);
  });

  it("marks each slipped stage from its target to its entry or today, with the days late", () => {
    expect(slips(row({}), "2027-02-05")).toEqual([
      { stage: "PROTOTYPE", target: "2026-12-01", until: "2026-12-20", days: 19 },
      { stage: "PACKAGING", target: "2027-02-01", until: "2027-02-05", days: 4 },
    ]);
    // On time, or not due yet: nothing.
    expect(
      slips(row({ targets: { prototype: "2026-12-31", packaging: null, production: null } }), "2027-01-01"),
    ).toEqual([]);
  });
});
