import "server-only";
import type { z } from "zod";
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from "../../lib/validation/storable-text";
import { issuesList } from "../../lib/validation/use-case";
import { db } from "../db";
import { DomainError, type FieldIssue } from "../errors";

/**
 * Parse with the shared schema; a failure becomes a VALIDATION error listing every field. A
 * string PostgreSQL cannot store (NUL, a lone surrogate) is refused first, with its field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  refuseUnstorableText(input);
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new DomainError("VALIDATION", "Some fields need attention.", { errors: issuesList(parsed.error) });
  return parsed.data;
}

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

/** A VALIDATION error naming the field when `input` holds a string PostgreSQL cannot store. */
function refuseUnstorableText(input: unknown): void {
  const path = unstorableTextPath(input);
  if (path !== null)
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [{ path: path || "(input)", message: UNSTORABLE_TEXT_MESSAGE }],
    });
}
