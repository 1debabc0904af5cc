import "server-only";
import { db } from "../db";
import { DomainError, type FieldIssue } from "../errors";

/** Owner and sponsor must be active users. */
export async function checkPeople(people: { ownerId?: string | null; sponsorId?: string | null }): Promise<void> {
  const errors: FieldIssue[] = [];
  for (const field of ["ownerId", "sponsorId"] as const) {
    const id = people[field];
    if (!id) continue;
    const user = await db.user.findUnique({ where: { id }, select: { active: true } });
    if (!user?.active) errors.push({ path: field, message: "Choose an active user." });
  }
  if (errors.length) throw new DomainError("VALIDATION", "Some fields need attention.", { errors });
}

const orNull = (value: string) => (value === "" ? null : value);

export function ebitdaColumns(range: { low: string; base: string; high: string; currency: string }) {
  return {
    ebitdaLow: orNull(range.low),
    ebitdaBase: orNull(range.base),
    ebitdaHigh: orNull(range.high),
    currency: range.currency,
  };
}
