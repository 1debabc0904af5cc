import "server-only";
import type { z } from "zod";
import { issuesList } from "@/lib/validation/issues";
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from "@/lib/validation/storable-text";
import { DomainError } from "../errors";

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

/** A VALIDATION error naming the field when `input` holds a string PostgreSQL cannot store. */
function refuseUnstorableText(input: unknown): void {
  const path = unstorableTextPath(input);
  if (path !== null)
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [{ path: path || "(input)", message: UNSTORABLE_TEXT_MESSAGE }],
    });
}
