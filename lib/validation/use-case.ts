// One schema per input, used by the intake/edit forms (client) and by the server.
import { z } from "zod";
import "./no-eval";
import { BENEFIT_AREAS } from "../lifecycle";
import { MONEY_PATTERN, toCents } from "../money";
import { TagsSchema } from "../tags";

export const LIMITS = {
  title: 200,
  summary: 5000,
  output: 2000,
  outcome: 2000,
  pocResult: 5000,
} as const;

const text = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters.` });

const amount = (label: string) =>
  z
    .string({ error: `${label} must be an amount given as text, like "1250000.00".` })
    .trim()
    .refine((value) => value === "" || !value.startsWith("-"), { error: `${label} cannot be negative.` })
    .refine((value) => value === "" || value.startsWith("-") || MONEY_PATTERN.test(value), {
      error: `${label} must be an amount like 1250000 or 1250000.50 (digits, at most 2 decimals, no separators).`,
    });

export const EbitdaRangeSchema = z
  .object({
    low: amount("Low"),
    base: amount("Base"),
    high: amount("High"),
    currency: z
      .string({ error: "Currency must be a 3-letter ISO 4217 code." })
      .trim()
      .regex(/^[A-Z]{3}$/, { error: "Currency must be a 3-letter ISO 4217 code, like EUR." }),
  })
  .strict()
  .superRefine((range, ctx) => {
    const values = [range.low, range.base, range.high];
    const filled = values.filter((value) => value !== "").length;
    if (filled === 0) return;
    if (filled < 3) {
      for (const key of ["low", "base", "high"] as const) {
        if (range[key] === "")
          ctx.addIssue({ code: "custom", path: [key], message: "Give low, base and high together, or none." });
      }
      return;
    }
    if (!values.every((value) => MONEY_PATTERN.test(value))) return; // field messages already given
    const [low, base, high] = values.map(toCents) as [bigint, bigint, bigint];
    if (low > base)
      ctx.addIssue({ code: "custom", path: ["low"], message: "Low must not be above the base estimate." });
    if (base > high)
      ctx.addIssue({ code: "custom", path: ["high"], message: "High must not be below the base estimate." });
  });

const id = z.string().trim().min(1).max(64);

const fields = {
  title: text(LIMITS.title, "Title").min(1, { error: "Give the use case a title." }),
  summary: text(LIMITS.summary, "Summary"),
  output: text(LIMITS.output, "Output"),
  outcome: text(LIMITS.outcome, "Outcome"),
  pocResult: text(LIMITS.pocResult, "POC result"),
  benefitArea: z.enum(BENEFIT_AREAS, { error: "Choose revenue growth or cost reduction." }).nullable(),
  ebitda: EbitdaRangeSchema,
  ownerId: id.nullable(),
  sponsorId: id.nullable(),
  tags: TagsSchema,
};

/** Create: title is required; everything else has a sensible empty default. */
export const UseCaseCreateSchema = z
  .object({
    title: fields.title,
    summary: fields.summary.default(""),
    output: fields.output.default(""),
    outcome: fields.outcome.default(""),
    pocResult: fields.pocResult.default(""),
    benefitArea: fields.benefitArea.default(null),
    ebitda: fields.ebitda.default({ low: "", base: "", high: "", currency: "EUR" }),
    ownerId: fields.ownerId.optional(),
    sponsorId: fields.sponsorId.optional(),
    tags: fields.tags.default([]),
  })
  .strict();
export type UseCaseCreateInput = z.input<typeof UseCaseCreateSchema>;
export type UseCaseCreate = z.output<typeof UseCaseCreateSchema>;

/** Update: any subset of the fields, plus the version the edit started from. */
export const UseCaseUpdateSchema = z
  .object({
    version: z.number({ error: "Send the version you started from." }).int().positive(),
    title: fields.title.optional(),
    summary: fields.summary.optional(),
    output: fields.output.optional(),
    outcome: fields.outcome.optional(),
    pocResult: fields.pocResult.optional(),
    benefitArea: fields.benefitArea.optional(),
    ebitda: fields.ebitda.optional(),
    ownerId: id.optional(),
    sponsorId: fields.sponsorId.optional(),
    tags: fields.tags.optional(),
  })
  .strict();
export type UseCaseUpdateInput = z.input<typeof UseCaseUpdateSchema>;
export type UseCaseUpdate = z.output<typeof UseCaseUpdateSchema>;
