// What every response schema builds on: scalars (money is a decimal string, dates are ISO 8601
// strings), a person, the RFC 9457 problem, and the type behind each file's schema/DTO check.
import "server-only";
import { z } from "zod";
import type { FieldIssue } from "../../errors";

export const money = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .meta({ description: "A decimal amount as a string, two decimals.", examples: ["1250000.00"] });
export const decimal = (description: string, example: string) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .meta({ description, examples: [example] });
export const dateTime = z.string().meta({ format: "date-time", examples: ["2026-03-14T09:30:00.000Z"] });
export const day = z.string().meta({ format: "date", examples: ["2026-09-30"] });
export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .meta({ description: "ISO 4217 code.", examples: ["EUR"] });
export const perScenario = <T extends z.ZodType>(value: T) => z.object({ low: value, base: value, high: value });

export const PersonSchema = z.object({ id: z.string(), name: z.string() });

// --- Problem (RFC 9457): every error of the API. ---

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: "Always `about:blank`: the status and title say what happened." }),
    title: z.string().meta({ examples: ["Unprocessable Content"] }),
    status: z
      .number()
      .int()
      .meta({ examples: [422] }),
    detail: z.string().meta({ examples: ["Some fields need attention."] }),
    errors: z
      .array(z.object({ path: z.string().meta({ examples: ["ebitda.low"] }), message: z.string() }))
      .optional()
      .meta({ description: "The fields at fault (422), or the unmet entry criteria or open items (409)." }),
    current: z
      .unknown()
      .optional()
      .meta({ description: "On a 409 for a stale version: the record as it is now (same shape as a 200)." }),
  })
  .meta({ description: "An RFC 9457 problem (`application/problem+json`)." });

/** `true` when A and B are assignable both ways: a `false` cannot hold `true`, so a drift fails `tsc`. */
export type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Fails to compile when the problem's field issues and FieldIssue drift apart. */
export const COMMON_SCHEMAS_MATCH_DTOS: {
  Problem: Equal<NonNullable<z.infer<typeof ProblemSchema>["errors"]>[number], FieldIssue>;
} = { Problem: true };
