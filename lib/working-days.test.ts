import { describe, expect, it } from "vitest";
import { deadlineDaysOf, reviewDeadlines } from "./review-deadlines";
import { addWorkingDays, dueStatus, isWorkingDay, parseHolidays, workingDaysBetween } from "./working-days";

const at = (iso: string) => new Date(iso);

describe("working days", () => {
  it("skips Saturdays and Sundays", () => {
    // Friday 4 Dec 2026, 10:00 + 1 working day = Monday 7 Dec, same time.
    expect(addWorkingDays(at("2026-12-04T10:00:00Z"), 1).toISOString()).toBe("2026-12-07T10:00:00.000Z");
    // Monday + 5 = next Monday; + 10 = the Monday after.
    expect(addWorkingDays(at("2026-11-30T09:30:00Z"), 5).toISOString()).toBe("2026-12-07T09:30:00.000Z");
    expect(addWorkingDays(at("2026-11-30T09:30:00Z"), 10).toISOString()).toBe("2026-12-14T09:30:00.000Z");
    // Requested on a Saturday: the first working day is Monday.
    expect(addWorkingDays(at("2026-12-05T12:00:00Z"), 1).toISOString()).toBe("2026-12-07T12:00:00.000Z");
    expect(addWorkingDays(at("2026-12-05T12:00:00Z"), 0).toISOString()).toBe("2026-12-05T12:00:00.000Z");
    expect(isWorkingDay(at("2026-12-05T00:00:00Z"), new Set())).toBe(false);
    expect(isWorkingDay(at("2026-12-07T23:59:59Z"), new Set())).toBe(true);
  });

  it("skips the holidays, across the year end", () => {
    const holidays = ["2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01"];
    // Wednesday 23 Dec + 5: 24, 25 holidays, 26-27 weekend, 28 29 30 (3), 31 holiday, 1 Jan
    // holiday, 2-3 weekend, 4 (4), 5 (5).
    expect(addWorkingDays(at("2026-12-23T08:00:00Z"), 5, holidays).toISOString()).toBe("2027-01-05T08:00:00.000Z");
    // Without the holidays: 24 25 28 29 30.
    expect(addWorkingDays(at("2026-12-23T08:00:00Z"), 5).toISOString()).toBe("2026-12-30T08:00:00.000Z");
    expect(workingDaysBetween(at("2026-12-23T08:00:00Z"), at("2027-01-05T01:00:00Z"), holidays)).toBe(5);
    expect(workingDaysBetween(at("2027-01-05T01:00:00Z"), at("2026-12-23T08:00:00Z"), holidays)).toBe(-5);
  });

  it("counts working days between two instants by calendar day", () => {
    expect(workingDaysBetween(at("2026-12-04T23:00:00Z"), at("2026-12-07T01:00:00Z"))).toBe(1);
    expect(workingDaysBetween(at("2026-12-07T01:00:00Z"), at("2026-12-07T23:00:00Z"))).toBe(0);
    expect(workingDaysBetween(at("2026-12-05T10:00:00Z"), at("2026-12-06T10:00:00Z"))).toBe(0);
  });

  it("reads a deadline as due in or overdue by working days", () => {
    const due = at("2026-12-14T10:00:00Z"); // a Monday
    expect(dueStatus(due, at("2026-12-10T09:00:00Z"))).toEqual({
      overdue: false,
      days: 2,
      label: "due in 2 working days",
    });
    expect(dueStatus(due, at("2026-12-11T09:00:00Z")).label).toBe("due in 1 working day");
    expect(dueStatus(due, at("2026-12-14T09:00:00Z")).label).toBe("due today");
    expect(dueStatus(due, at("2026-12-14T11:00:00Z"))).toEqual({
      overdue: true,
      days: 0,
      label: "overdue since today",
    });
    expect(dueStatus(due, at("2026-12-16T11:00:00Z")).label).toBe("overdue by 2 working days");
    expect(dueStatus(due, at("2026-12-15T11:00:00Z"), ["2026-12-15"]).label).toBe("overdue since today");
  });

  it("reads the holiday list as an admin types it", () => {
    expect(parseHolidays("2026-12-25\n2026-12-24, 2026-12-25 ;\n\n")).toEqual(["2026-12-24", "2026-12-25"]);
    expect(parseHolidays("  ")).toEqual([]);
  });
});

describe("review deadlines", () => {
  it("reminds at half the deadline (rounded up), is due at the deadline, escalates at twice it", () => {
    const deadlines = reviewDeadlines(at("2026-11-30T09:00:00Z"), 5, ["2026-12-08"]);
    expect(deadlines.remindAt.toISOString()).toBe("2026-12-03T09:00:00.000Z");
    expect(deadlines.dueAt.toISOString()).toBe("2026-12-07T09:00:00.000Z");
    // 10 working days, one of them a holiday: Tuesday 15 Dec.
    expect(deadlines.escalateAt.toISOString()).toBe("2026-12-15T09:00:00.000Z");
  });

  it("takes each gate's days from the settings, the defaults where missing", () => {
    expect(deadlineDaysOf({ id: "G1" }, [3, 4, 6])).toBe(3);
    expect(deadlineDaysOf({ id: "G3" }, [3, 4, 6])).toBe(6);
    expect(deadlineDaysOf({ id: "G2" }, [])).toBe(10);
    expect(deadlineDaysOf({ id: "G1" }, [])).toBe(5);
  });
});
