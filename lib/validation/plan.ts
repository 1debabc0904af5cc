// A use case's plan (`PUT /api/v1/use-cases/{key}/plan` and the plan form): the target day of
// each later stage, replaced whole by each save.
import { z } from "zod";
import { dayMs, planOrderErrors } from "../plan";

/** A calendar day, past or future (a plan may be entered late), between 2000 and 2100; "" (a cleared form field) is none. */
const targetDay = (label: string) =>
  z
    .string({ error: `${label} must be a date like 2027-01-31.` })
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, { error: `${label} must be a date like 2027-01-31.`, abort: true })
    .refine(
      (value) =>
        value === "" || (!Number.isNaN(dayMs(value)) && new Date(dayMs(value)).toISOString().startsWith(value)),
      {
        error: `${label} is not a calendar date.`,
        abort: true,
      },
    )
    .refine((value) => value === "" || (value >= "2000-01-01" && value <= "2100-12-31"), {
      error: `${label} must fall between 2000 and 2100.`,
    })
    .nullable()
    .optional()
    .transform((value) => value || null);

/** `{ version, prototype, packaging, production }`: a missing or null target is "none". */
export const PlanSchema = z
  .object({
    /** The plan's version the edit started from (0 for a use case without a plan). */
    version: z
      .number({ error: "The version the edit started from is required (0 for a new plan)." })
      .int({ error: "The version is a whole number." })
      .min(0, { error: "The version is a whole number." }),
    prototype: targetDay("The prototype target"),
    packaging: targetDay("The packaging target"),
    production: targetDay("The production target"),
  })
  .strict()
  .superRefine((input, ctx) => {
    for (const error of planOrderErrors(input))
      ctx.addIssue({ code: "custom", path: [error.path], message: error.message });
  });
export type PlanInput = z.infer<typeof PlanSchema>;
