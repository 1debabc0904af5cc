// Inputs of the risk register: a new entry, and an edit (with the version it was read at).
// Accepting a risk needs a rationale; who may accept is checked by the server (risk:accept).
import { z } from "zod";
import { RISK_CATEGORIES, RISK_STATUSES } from "../risk-register";

const TITLE_LIMIT = 200;
const TEXT_LIMIT = 4000;

const scale = (label: string) =>
  z
    .number({ error: `${label} is a whole number from 1 to 5.` })
    .int({ error: `${label} is a whole number from 1 to 5.` })
    .min(1, { error: `${label} is a whole number from 1 to 5.` })
    .max(5, { error: `${label} is a whole number from 1 to 5.` });

const longText = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(TEXT_LIMIT, { error: `${label}: at most ${TEXT_LIMIT} characters.` });

/** A calendar date, YYYY-MM-DD (a due date may be past: an overdue risk is still one). */
const day = z
  .string({ error: "The due date must be a date like 2027-01-31." })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "The due date must be a date like 2027-01-31." })
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    { error: "The due date is not a calendar date." },
  );

const fields = {
  title: z
    .string({ error: "Name the risk." })
    .trim()
    .min(1, { error: "Name the risk." })
    .max(TITLE_LIMIT, { error: `At most ${TITLE_LIMIT} characters.` }),
  category: z.enum(RISK_CATEGORIES, { error: `Choose a category: ${RISK_CATEGORIES.join(", ")}.` }),
  likelihood: scale("The likelihood"),
  impact: scale("The impact"),
  mitigation: longText("The mitigation"),
  ownerId: z.string({ error: "Choose who owns the risk." }).trim().max(64).nullable(),
  dueOn: day.nullable(),
  status: z.enum(RISK_STATUSES, { error: "Choose a status: OPEN, MITIGATED or ACCEPTED." }),
  acceptanceRationale: longText("The rationale"),
};

const needsRationale = (value: { status?: string; acceptanceRationale?: string }) =>
  value.status !== "ACCEPTED" || value.acceptanceRationale === undefined || value.acceptanceRationale.length > 0;
const rationaleIssue = {
  error: "Say why the risk is accepted: an accepted risk needs a rationale.",
  path: ["acceptanceRationale"],
};

export const RiskCreateSchema = z
  .object({
    title: fields.title,
    category: fields.category,
    likelihood: fields.likelihood,
    impact: fields.impact,
    mitigation: fields.mitigation.optional(),
    ownerId: fields.ownerId.optional(),
    dueOn: fields.dueOn.optional(),
    status: fields.status.optional(),
    acceptanceRationale: fields.acceptanceRationale.optional(),
  })
  .strict()
  .refine((value) => value.status !== "ACCEPTED" || !!value.acceptanceRationale, rationaleIssue);
export type RiskCreateInput = z.infer<typeof RiskCreateSchema>;

export const RiskUpdateSchema = z
  .object({
    title: fields.title.optional(),
    category: fields.category.optional(),
    likelihood: fields.likelihood.optional(),
    impact: fields.impact.optional(),
    mitigation: fields.mitigation.optional(),
    ownerId: fields.ownerId.optional(),
    dueOn: fields.dueOn.optional(),
    status: fields.status.optional(),
    acceptanceRationale: fields.acceptanceRationale.optional(),
    version: z
      .number({ error: "Send the version you edited (a whole number)." })
      .int({ error: "Send the version you edited (a whole number)." })
      .positive({ error: "Send the version you edited (a whole number)." }),
  })
  .strict()
  .refine(needsRationale, rationaleIssue);
export type RiskUpdateInput = z.infer<typeof RiskUpdateSchema>;

/** The heat map's cell filter (`/risks?likelihood=4&impact=5`): both, or neither. */
export const HeatMapCellSchema = z
  .object({
    likelihood: z.coerce.number().pipe(scale("The likelihood")).optional(),
    impact: z.coerce.number().pipe(scale("The impact")).optional(),
  })
  .refine((value) => (value.likelihood === undefined) === (value.impact === undefined), {
    error: "Choose a cell: both a likelihood and an impact.",
    path: ["impact"],
  });
