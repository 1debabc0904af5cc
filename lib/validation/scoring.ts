// The scoring model (PUT /api/v1/scoring-model and the admin form) and a use case's scores
// (PUT /api/v1/use-cases/{key}/scores and the scoring section): one schema each.
import { z } from "zod";
import "./no-eval";
import { MONEY_PATTERN, toCents } from "../money";
import { RICE_KEYS } from "../priority-score";

const KEY_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

export const CriterionSchema = z
  .object({
    key: z.string({ error: "Give the criterion a key." }).trim().regex(KEY_PATTERN, {
      error: "A key is lowercase letters, digits and dashes, starting with a letter (at most 40).",
    }),
    label: z
      .string({ error: "Give the criterion a name." })
      .trim()
      .min(1, { error: "Give the criterion a name." })
      .max(80, { error: "At most 80 characters." }),
    weight: z.coerce
      .number({ error: "The weight must be a whole number from 0 to 100." })
      .int({ error: "The weight must be a whole number from 0 to 100." })
      .min(0, { error: "The weight must be a whole number from 0 to 100." })
      .max(100, { error: "The weight must be a whole number from 0 to 100." }),
    inverted: z.boolean({ error: "Inverted is true or false." }).default(false),
    derivedFrom: z
      .enum(["EBITDA_BASE", "RISK_TIER"], { error: "Derived from EBITDA_BASE, RISK_TIER, or null (scored by people)." })
      .nullable()
      .default(null),
    guidance: z
      .array(z.string({ error: "Guidance is text." }).trim().max(300, { error: "At most 300 characters." }), {
        error: "Give a guidance text for each level 1 to 5.",
      })
      .length(5, { error: "Give a guidance text for each level 1 to 5." }),
  })
  .strict();

export const ScoringModelSchema = z
  .object({
    formula: z.enum(["WEIGHTED", "RICE"], { error: "The formula is WEIGHTED or RICE." }),
    criteria: z
      .array(CriterionSchema, { error: "Give the criteria." })
      .min(1, { error: "Give at least one criterion." })
      .max(20, { error: "At most 20 criteria." }),
    ebitdaBands: z
      .array(
        z
          .string({ error: 'A band is an amount given as text, like "500000".' })
          .trim()
          .refine((value) => MONEY_PATTERN.test(value), {
            error: "A band is an amount like 500000 (at most 2 decimals).",
          }),
        { error: "Give four EBITDA thresholds." },
      )
      .length(4, { error: "Give four EBITDA thresholds (for a value of 2, 3, 4 and 5)." }),
    expectedVersion: z
      .number({ error: "expectedVersion is the version you read (a whole number)." })
      .int({ error: "expectedVersion is the version you read (a whole number)." })
      .min(1, { error: "expectedVersion is the version you read (a whole number)." }),
  })
  .strict()
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.key))
        ctx.addIssue({
          code: "custom",
          path: ["criteria", index, "key"],
          message: "Each criterion needs its own key.",
        });
      seen.add(criterion.key);
    });
    if (input.formula === "WEIGHTED" && input.criteria.every((c) => c.weight === 0))
      ctx.addIssue({
        code: "custom",
        path: ["criteria", 0, "weight"],
        message: "At least one criterion needs a weight.",
      });
    if (input.formula === "RICE") {
      const keys = input.criteria.map((c) => c.key).sort();
      if (keys.join() !== [...RICE_KEYS].sort().join())
        ctx.addIssue({
          code: "custom",
          path: ["criteria"],
          message: "RICE uses exactly the criteria reach, impact, confidence and effort.",
        });
    }
    const bands = input.ebitdaBands.filter((band) => MONEY_PATTERN.test(band)).map(toCents);
    if (bands.length === 4 && bands.some((band, i) => i > 0 && band <= (bands[i - 1] ?? 0n)))
      ctx.addIssue({ code: "custom", path: ["ebitdaBands"], message: "The thresholds must go up." });
  });
export type ScoringModelInput = z.input<typeof ScoringModelSchema>;

export const ScoreEntrySchema = z
  .object({
    criterion: z.string({ error: "Name the criterion." }).trim().regex(KEY_PATTERN, { error: "Not a criterion key." }),
    value: z.coerce
      .number({ error: "A score is a whole number from 1 to 5." })
      .int({ error: "A score is a whole number from 1 to 5." })
      .min(1, { error: "A score is a whole number from 1 to 5." })
      .max(5, { error: "A score is a whole number from 1 to 5." }),
    comment: z
      .string({ error: "The comment must be text." })
      .trim()
      .max(1000, { error: "At most 1000 characters." })
      .default(""),
  })
  .strict();

/** Your scores on some criteria of a use case (the others stay as they are). */
export const ScoresSchema = z
  .object({
    scores: z
      .array(ScoreEntrySchema, { error: "Give the scores as a list." })
      .min(1, { error: "Give at least one score." })
      .max(20, { error: "At most 20 scores." }),
  })
  .strict()
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.scores.forEach((score, index) => {
      if (seen.has(score.criterion))
        ctx.addIssue({ code: "custom", path: ["scores", index, "criterion"], message: "One score per criterion." });
      seen.add(score.criterion);
    });
  });
export type ScoresInput = z.input<typeof ScoresSchema>;
