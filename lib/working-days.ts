// Working-day arithmetic for review deadlines: Saturdays, Sundays and the organisation's
// holidays (ISO dates, "YYYY-MM-DD") are not working days. Everything is in UTC, so the server
// and the browser count the same days.

const DAY_MS = 86_400_000;

/** The ISO date (UTC) of an instant. */
export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

export function isWorkingDay(at: Date, holidays: ReadonlySet<string>): boolean {
  const weekday = at.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(isoDay(at));
}

/**
 * The instant `days` working days after `start`, at the same time of day: each step moves to
 * the next working day. Started on a weekend or holiday, the first step lands on the next
 * working day. Zero days is `start` itself.
 */
export function addWorkingDays(start: Date, days: number, holidays: Iterable<string> = []): Date {
  const off = new Set(holidays);
  let at = new Date(start.getTime());
  for (let left = days; left > 0; ) {
    at = new Date(at.getTime() + DAY_MS);
    if (isWorkingDay(at, off)) left--;
  }
  return at;
}

/**
 * Working days from the day of `from` to the day of `to`: the working days in (from, to],
 * counted by calendar day (negative when `to` is before `from`).
 */
export function workingDaysBetween(from: Date, to: Date, holidays: Iterable<string> = []): number {
  const off = new Set(holidays);
  const start = Date.parse(`${isoDay(from)}T00:00:00Z`);
  const end = Date.parse(`${isoDay(to)}T00:00:00Z`);
  const sign = end >= start ? 1 : -1;
  let count = 0;
  for (let t = Math.min(start, end) + DAY_MS; t <= Math.max(start, end); t += DAY_MS)
    if (isWorkingDay(new Date(t), off)) count++;
  return sign * count;
}

export type DueStatus = { overdue: boolean; days: number; label: string };

/**
 * How a deadline reads now: "due today", "due in 1 working day", "due in N working days", or
 * "overdue by N working days" (by 0 days on the due day itself, after the due time: "overdue
 * since today").
 */
export function dueStatus(dueAt: Date, now: Date, holidays: Iterable<string> = []): DueStatus {
  const plural = (n: number) => `${n} working day${n === 1 ? "" : "s"}`;
  if (now.getTime() > dueAt.getTime()) {
    const days = workingDaysBetween(dueAt, now, holidays);
    return { overdue: true, days, label: days === 0 ? "overdue since today" : `overdue by ${plural(days)}` };
  }
  const days = workingDaysBetween(now, dueAt, holidays);
  return { overdue: false, days, label: days === 0 ? "due today" : `due in ${plural(days)}` };
}

/** The holiday list as an admin types it: ISO dates, one per line or comma-separated, sorted, without repeats. */
export function parseHolidays(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((entry) => entry.trim())
        .filter(Boolean),
    ),
  ].sort();
}
