// A month's cost line of a use case: the one schema of the form and of POST .../costs.
import { z } from "zod";
import "./no-eval";
import { MONEY_PATTERN, toCents } from "../money";
import { COST_CATEGORIES } from "./cost-categories";
import { PERIOD_PATTERN } from "./value";

const MAX_CENTS = 10n ** 12n * 100n;
/** FTE days of one month and category: at most 2 decimals, up to 100,000 (a large team's month). */
const FTE_DAYS_PATTERN = /^\d{1,6}(\.\d{1,2})?$/;
const MAX_FTE_HUNDREDTHS = 100_000n * 100n;

const FTE_MESSAGE = "FTE days must be a number of days like 12 or 12.5 (at most 2 decimals), more than zero.";

export const CostSchema = z
  .object({
    period: z
      .string({ error: "The period must be a month like 2026-09." })
      .trim()
      .regex(PERIOD_PATTERN, { error: "The period must be a month like 2026-09." }),
    category: z.enum(COST_CATEGORIES, { error: "Choose a category: PEOPLE, CLOUD, LICENCES or OTHER." }),
    amount: z
      .string({ error: 'The amount must be given as text, like "1250.00".' })
      .trim()
      .refine((value) => MONEY_PATTERN.test(value), {
        error: "The amount must be like 1250 or 1250.50 (at most 2 decimals, not negative).",
      })
      .refine((value) => !MONEY_PATTERN.test(value) || toCents(value) <= MAX_CENTS, {
        error: "The amount must be at most 1,000,000,000,000.",
      })
      .refine((value) => !MONEY_PATTERN.test(value) || toCents(value) > 0n, {
        error: "The amount must be more than zero.",
      })
      .optional()
      .meta({ description: "CLOUD, LICENCES and OTHER: the month's amount in the use case's currency." }),
    fteDays: z
      .string({ error: FTE_MESSAGE })
      .trim()
      .refine((value) => FTE_DAYS_PATTERN.test(value), { error: FTE_MESSAGE })
      .refine((value) => !FTE_DAYS_PATTERN.test(value) || toCents(value) > 0n, { error: FTE_MESSAGE })
      .refine((value) => !FTE_DAYS_PATTERN.test(value) || toCents(value) <= MAX_FTE_HUNDREDTHS, {
        error: "FTE days must be at most 100,000 in a month.",
      })
      .optional()
      .meta({ description: "PEOPLE only: the FTE days of the month, priced at the day rate of the settings." }),
    note: z
      .string({ error: "The note must be text." })
      .trim()
      .max(2000, { error: "At most 2000 characters." })
      .default(""),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.category === "PEOPLE") {
      if (input.fteDays === undefined)
        ctx.addIssue({ code: "custom", path: ["fteDays"], message: "People costs are given in FTE days." });
      if (input.amount !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["amount"],
          message: "People costs are priced from FTE days at the day rate of the settings: give fteDays, not amount.",
        });
    } else {
      if (input.amount === undefined)
        ctx.addIssue({ code: "custom", path: ["amount"], message: "Give the month's amount." });
      if (input.fteDays !== undefined)
        ctx.addIssue({ code: "custom", path: ["fteDays"], message: "FTE days are for people costs only." });
    }
  });
export type CostInput = z.infer<typeof CostSchema>;
