// The out-of-office delegation a user sets (profile, `PUT /api/v1/me/delegation`).
import { z } from "zod";
import { futureDate } from "./gate";

const MAX_DAYS = 366;

/**
 * `{ delegateId, from, to }` sets the delegation (replacing the current one); `{ delegateId: null }`
 * ends it. Days are inclusive, YYYY-MM-DD, UTC.
 */
export const DelegationSchema = z
  .object({
    delegateId: z
      .string({ error: "Choose a delegate." })
      .trim()
      .min(1, { error: "Choose a delegate." })
      .max(64, { error: "Choose a delegate." })
      .nullable(),
    from: futureDate("The first day").optional(),
    to: futureDate("The last day").optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.delegateId === null) return;
    if (!input.from) ctx.addIssue({ code: "custom", path: ["from"], message: "Choose the first day away." });
    if (!input.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Choose the last day away." });
    if (input.from && input.to) {
      const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000;
      if (days < 0) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day comes after the first." });
      else if (days >= MAX_DAYS)
        ctx.addIssue({ code: "custom", path: ["to"], message: "A delegation lasts at most a year." });
    }
  });
export type DelegationInput = z.infer<typeof DelegationSchema>;
