// A use case's plan against what happened: the target day of each later stage, the day it was
// actually entered (the passing gate's decision), and how late it is. Days are calendar days in
// UTC, as "YYYY-MM-DD". The portfolio summary computes the same figures in SQL; its
// integration test compares the two.
import type { Stage } from "./lifecycle";

/** The stages a plan sets a target for, in order, and the gate that leads into each. */
export const PLANNED_STAGES = ["PROTOTYPE", "PACKAGING", "PRODUCTION"] as const satisfies readonly Stage[];
export type PlannedStage = (typeof PLANNED_STAGES)[number];
export const GATE_INTO: Record<PlannedStage, "G1" | "G2" | "G3"> = {
  PROTOTYPE: "G1",
  PACKAGING: "G2",
  PRODUCTION: "G3",
};

/** The plan's field of each stage, in the API and the form. */
export const PLAN_FIELDS = { PROTOTYPE: "prototype", PACKAGING: "packaging", PRODUCTION: "production" } as const;
export type PlanField = (typeof PLAN_FIELDS)[PlannedStage];
export type PlanTargets = Record<PlanField, string | null>;

const DAY_MS = 86_400_000;

/** Midnight UTC of a "YYYY-MM-DD" day, in milliseconds. */
export const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
/** The UTC day of an instant, "YYYY-MM-DD". */
export const dayOf = (at: Date | string | number) => new Date(at).toISOString().slice(0, 10);
/** Whole days from `from` to `to` (negative when `to` comes first). */
export const daysBetween = (from: string, to: string) => Math.round((dayMs(to) - dayMs(from)) / DAY_MS);

/**
 * How late a stage is, in days, or null while nothing can be said: no target, or a target still
 * ahead and not reached. Reached on or before the target: 0. Reached after it: the days after it.
 * Not reached and the target passed: the days since the target (it is slipping still).
 */
export function daysLate(target: string | null, entered: string | null, today: string): number | null {
  if (!target) return null;
  if (entered) return Math.max(0, daysBetween(target, entered));
  return daysBetween(target, today) > 0 ? daysBetween(target, today) : null;
}

/** A target that has come due: reached, or its day passed. Only these count for on-time rates. */
export const isDue = (target: string | null, entered: string | null, today: string) =>
  daysLate(target, entered, today) !== null;

/** Reached on or before its target day. */
export const onTime = (target: string | null, entered: string | null) =>
  target !== null && entered !== null && daysBetween(target, entered) <= 0;

/** The first and last day of the calendar quarter (UTC) holding `day`. */
export function quarterOf(day: string): { first: string; last: string } {
  const year = Number(day.slice(0, 4));
  const startMonth = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3;
  const first = new Date(Date.UTC(year, startMonth, 1));
  const next = new Date(Date.UTC(year, startMonth + 3, 1));
  return { first: dayOf(first), last: dayOf(next.getTime() - DAY_MS) };
}

/** The target-day order a plan must keep: prototype <= packaging <= production (gaps allowed). */
export function planOrderErrors(targets: Partial<PlanTargets>): { path: PlanField; message: string }[] {
  const errors: { path: PlanField; message: string }[] = [];
  let previous: { field: PlanField; day: string } | null = null;
  for (const stage of PLANNED_STAGES) {
    const field = PLAN_FIELDS[stage];
    const day = targets[field];
    if (!day) continue;
    if (previous && dayMs(day) < dayMs(previous.day))
      errors.push({
        path: field,
        message: `The ${field} target comes on or after the ${previous.field} target (${previous.day}).`,
      });
    else previous = { field, day };
  }
  return errors;
}
