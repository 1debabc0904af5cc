import { describe, expect, it } from "vitest";
import { dayOf, daysBetween, daysLate, isDue, onTime, planOrderErrors, quarterOf } from "./plan";
import { PlanSchema } from "./validation/plan";

describe("plan arithmetic", () => {
  it("counts calendar days across a month, a year end and a leap day", () => {
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2027-01-01", "2026-12-31")).toBe(-1);
    expect(daysBetween("2026-12-01", "2027-01-31")).toBe(61);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2); // 2028 is a leap year
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2); // a DST change in Europe: still days in UTC
  });

  it("reads an instant's day in UTC, so late evening on 31 December stays in the old year", () => {
    expect(dayOf("2026-12-31T23:59:59Z")).toBe("2026-12-31");
    expect(dayOf(new Date("2027-01-01T00:00:00Z"))).toBe("2027-01-01");
  });

  it("says how late a stage is: reached late, reached early, still slipping, not due yet", () => {
    expect(daysLate("2026-12-20", "2027-01-04", "2027-02-01")).toBe(15); // reached 15 days after, over the year end
    expect(daysLate("2026-12-20", "2026-12-01", "2027-02-01")).toBe(0); // early counts as on time, not negative
    expect(daysLate("2026-12-20", "2026-12-20", "2027-02-01")).toBe(0); // on the day
    expect(daysLate("2026-12-20", null, "2027-01-02")).toBe(13); // not reached, target passed
    expect(daysLate("2026-12-20", null, "2026-12-20")).toBeNull(); // due today: not late yet
    expect(daysLate("2027-03-01", null, "2026-12-31")).toBeNull(); // ahead
    expect(daysLate(null, "2026-12-01", "2027-01-01")).toBeNull(); // no target
  });

  it("counts a target for the on-time rate once it is due, and on time only when reached by its day", () => {
    expect(isDue("2026-12-20", null, "2026-12-21")).toBe(true);
    expect(isDue("2026-12-20", null, "2026-12-19")).toBe(false);
    expect(isDue("2027-06-01", "2026-12-01", "2026-12-19")).toBe(true); // reached early: due
    expect(onTime("2026-12-20", "2026-12-20")).toBe(true);
    expect(onTime("2026-12-20", "2026-12-21")).toBe(false);
    expect(onTime("2026-12-20", null)).toBe(false);
  });

  it("finds the calendar quarter of a day, the last one ending on 31 December", () => {
    expect(quarterOf("2026-12-31")).toEqual({ first: "2026-10-01", last: "2026-12-31" });
    expect(quarterOf("2027-01-01")).toEqual({ first: "2027-01-01", last: "2027-03-31" });
    expect(quarterOf("2028-02-29")).toEqual({ first: "2028-01-01", last: "2028-03-31" });
    expect(quarterOf("2026-06-30")).toEqual({ first: "2026-04-01", last: "2026-06-30" });
  });

  it("keeps targets in stage order, gaps allowed", () => {
    expect(planOrderErrors({ prototype: "2027-01-01", packaging: null, production: "2027-06-01" })).toEqual([]);
    expect(planOrderErrors({ prototype: "2027-01-01", packaging: "2027-01-01", production: "2027-01-01" })).toEqual([]);
    expect(planOrderErrors({ prototype: "2027-02-01", packaging: null, production: "2027-01-31" })).toEqual([
      { path: "production", message: "The production target comes on or after the prototype target (2027-02-01)." },
    ]);
  });
});

describe("the plan's input", () => {
  it("accepts a plan, and a missing or empty target as none", () => {
    expect(PlanSchema.parse({ version: 0, prototype: "2027-01-15", packaging: "", production: null })).toEqual({
      version: 0,
      prototype: "2027-01-15",
      packaging: null,
      production: null,
    });
  });

  it("refuses impossible days, days out of range, a wrong order and a missing version, naming the field", () => {
    const paths = (input: unknown) => {
      const result = PlanSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
    };
    expect(paths({ version: 1, prototype: "2027-02-30" })).toEqual(["prototype"]);
    expect(paths({ version: 1, packaging: "27-01-01" })).toEqual(["packaging"]);
    expect(paths({ version: 1, production: "1999-12-31" })).toEqual(["production"]);
    expect(paths({ version: 1, prototype: "2027-03-01", packaging: "2027-02-01" })).toEqual(["packaging"]);
    expect(paths({ prototype: "2027-03-01" })).toEqual(["version"]);
    expect(paths({ version: 1, colour: "red" })).toEqual([""]);
  });
});
