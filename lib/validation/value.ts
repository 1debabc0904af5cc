// Inputs of the value case: an estimate revision, a realised-value entry, the organisation currency.
import { z } from "zod";
import "./no-eval";
import { MONEY_PATTERN, toCents } from "../money";

export const CONFIDENCES = ["LOW", "MEDIUM", "HIGH"] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const CONFIDENCE_LABELS: Record<Confidence, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };

const MAX_CENTS = 10n ** 12n * 100n;

const amount = (label: string, options: { positive?: boolean; signed?: boolean } = {}) =>
  z
    .string({ error: `${label} must be an amount given as text, like "1250000.00".` })
    .trim()
    .refine((value) => options.signed || !value.startsWith("-"), { error: `${label} cannot be negative.` })
    .refine((value) => MONEY_PATTERN.test(value.replace(/^-/, "")), {
      error: `${label} must be an amount like 1250000 or 1250000.50 (at most 2 decimals).`,
    })
    .refine((value) => !MONEY_PATTERN.test(value.replace(/^-/, "")) || toCents(value.replace(/^-/, "")) <= MAX_CENTS, {
      error: `${label} must be at most 1,000,000,000,000.`,
    })
    .refine((value) => !options.positive || !MONEY_PATTERN.test(value) || toCents(value) > 0n, {
      error: `${label} must be more than zero.`,
    });

export const currencyCode = z
  .string({ error: "Currency must be a 3-letter ISO 4217 code." })
  .trim()
  .regex(/^[A-Z]{3}$/, { error: "Currency must be a 3-letter ISO 4217 code, like EUR." });

export const EstimateSchema = z
  .object({
    ebitdaLow: amount("Low EBITDA"),
    ebitdaBase: amount("Base EBITDA"),
    ebitdaHigh: amount("High EBITDA"),
    investment: amount("The investment", { positive: true }),
    runCostPerYear: amount("The run cost"),
    horizonYears: z
      .number({ error: "The horizon must be a whole number of years from 1 to 10." })
      .int({ error: "The horizon must be a whole number of years from 1 to 10." })
      .min(1, { error: "The horizon must be a whole number of years from 1 to 10." })
      .max(10, { error: "The horizon must be a whole number of years from 1 to 10." }),
    currency: currencyCode,
    assumptions: z
      .string({ error: "The assumptions must be text." })
      .trim()
      .max(5000, { error: "The assumptions must be at most 5000 characters." })
      .default(""),
    confidence: z.enum(CONFIDENCES, { error: "Choose a confidence: LOW, MEDIUM or HIGH." }).default("MEDIUM"),
  })
  .strict()
  .superRefine((input, ctx) => {
    const values = [input.ebitdaLow, input.ebitdaBase, input.ebitdaHigh];
    if (!values.every((value) => MONEY_PATTERN.test(value))) return;
    const [low, base, high] = values.map(toCents) as [bigint, bigint, bigint];
    if (low > base)
      ctx.addIssue({ code: "custom", path: ["ebitdaLow"], message: "Low must not be above the base estimate." });
    if (base > high)
      ctx.addIssue({ code: "custom", path: ["ebitdaHigh"], message: "High must not be below the base estimate." });
  });
export type EstimateInput = z.infer<typeof EstimateSchema>;

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const ActualSchema = z
  .object({
    period: z
      .string({ error: "The period must be a month like 2026-09." })
      .trim()
      .regex(PERIOD_PATTERN, { error: "The period must be a month like 2026-09." }),
    ebitda: amount("The realised EBITDA", { signed: true }),
    note: z
      .string({ error: "The note must be text." })
      .trim()
      .max(2000, { error: "At most 2000 characters." })
      .default(""),
  })
  .strict();
export type ActualInput = z.infer<typeof ActualSchema>;

/** A host name, an IP address or a CIDR the health probe may reach although it is private. */
const probeAllowEntry = z
  .string()
  .trim()
  .regex(/^([a-z0-9.-]+|[0-9a-f:.]+(\/\d{1,3})?)$/i, {
    error: "Give host names, IP addresses or CIDRs, like 10.20.0.0/16.",
  })
  .max(255);

export const OrgSettingsSchema = z
  .object({
    currency: currencyCode.optional(),
    probeAllow: z.array(probeAllowEntry).max(100, { error: "At most 100 entries." }).optional(),
    stageProbabilities: z
      .array(
        z
          .number({ error: "A probability is a whole percentage from 0 to 100." })
          .int({ error: "A probability is a whole percentage from 0 to 100." })
          .min(0, { error: "A probability is a whole percentage from 0 to 100." })
          .max(100, { error: "A probability is a whole percentage from 0 to 100." }),
      )
      .length(4, { error: "Give one probability per stage: POC, prototype, packaging, production." })
      .optional(),
    stalledDays: z
      .number({ error: "The stalled threshold is a whole number of days from 1 to 365." })
      .int({ error: "The stalled threshold is a whole number of days from 1 to 365." })
      .min(1, { error: "The stalled threshold is a whole number of days from 1 to 365." })
      .max(365, { error: "The stalled threshold is a whole number of days from 1 to 365." })
      .optional(),
    probeIntervalMinutes: z
      .number({ error: "The probe interval is a whole number of minutes from 1 to 1440." })
      .int({ error: "The probe interval is a whole number of minutes from 1 to 1440." })
      .min(1, { error: "The probe interval is a whole number of minutes from 1 to 1440." })
      .max(1440, { error: "The probe interval is a whole number of minutes from 1 to 1440." })
      .optional(),
    peopleDayRate: amount("The day rate", { positive: true }).nullable().optional().meta({
      description: "The cost of one FTE day in the organisation currency; people costs are FTE days x this rate.",
    }),
    /** Review deadline per gate (G1, G2, G3), in working days. */
    reviewDeadlineDays: z
      .array(
        z
          .number({ error: "A review deadline is a whole number of working days from 1 to 60." })
          .int({ error: "A review deadline is a whole number of working days from 1 to 60." })
          .min(1, { error: "A review deadline is a whole number of working days from 1 to 60." })
          .max(60, { error: "A review deadline is a whole number of working days from 1 to 60." }),
      )
      .length(3, { error: "Give one deadline per gate: G1, G2, G3." })
      .optional(),
    /** Holidays (ISO dates): not working days for review deadlines. */
    holidays: z
      .array(z.iso.date({ error: "A holiday is a date written YYYY-MM-DD." }))
      .max(400, { error: "At most 400 holidays." })
      .optional(),
    /** The largest evidence file, in MB. */
    attachmentFileMb: z
      .number({ error: "The file limit is a whole number of MB from 1 to 100." })
      .int({ error: "The file limit is a whole number of MB from 1 to 100." })
      .min(1, { error: "The file limit is a whole number of MB from 1 to 100." })
      .max(100, { error: "The file limit is a whole number of MB from 1 to 100." })
      .optional(),
    /** The evidence files of one use case together, in MB. */
    attachmentUseCaseMb: z
      .number({ error: "The use-case limit is a whole number of MB from 1 to 10240." })
      .int({ error: "The use-case limit is a whole number of MB from 1 to 10240." })
      .min(1, { error: "The use-case limit is a whole number of MB from 1 to 10240." })
      .max(10240, { error: "The use-case limit is a whole number of MB from 1 to 10240." })
      .optional(),
    /** The settings' version as read: a stale save gets 409 with the settings as they are now. */
    version: z
      .number({ error: "Send the version you edited." })
      .int({ error: "Send the version you edited." })
      .positive({ error: "Send the version you edited." })
      .meta({ description: "The version as read (required): when stale, 409 with `current`." }),
  })
  .strict();
