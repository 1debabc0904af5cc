// Response schemas: the EU AI Act risk screening of a use case.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { MODEL_CARD_FIELDS, type ModelCardFieldId } from "@/lib/model-card";
import { RISK_CATEGORIES, RISK_STATUSES } from "@/lib/risk-register";
import { ASSESSMENT_STATUSES, RISK_TIERS } from "@/lib/risk-screening";
import type { AssessmentDto } from "../../risk/assessment-dto";
import type { ModelCardDto } from "../../risk/model-card-dto";
import type { RiskTemplateDto } from "../../risk/questionnaire-templates";
import type { RiskEntryDto } from "../../risk/risk-entry-dto";
import { PersonSchema } from "./common";

const choice = z.object({ value: z.string(), label: z.string() });
const question = z.object({
  id: z.string(),
  text: z.string(),
  help: z.string().optional(),
  link: z.string().optional().meta({ description: "The legal text the question comes from." }),
  required: z.boolean(),
  type: z.enum(["yes-no", "choice", "multi-choice", "text"]),
  choices: z.array(choice).readonly().optional().meta({ description: "For choice and multi-choice questions." }),
});
const answer = z.union([z.boolean(), z.string(), z.array(z.string())]);
const rule = z.object({
  tier: z.enum(["UNACCEPTABLE", "HIGH", "LIMITED"]),
  reason: z.string().meta({ description: "Why, in plain words (shown with the tier)." }),
  question: z.string().meta({ description: "The id of the question the rule reads." }),
  equals: z
    .union([z.boolean(), z.string()])
    .optional()
    .meta({ description: "Holds when the answer is this (true/false for yes/no, a choice's value, or text)." }),
  includesAnyOf: z
    .array(z.string())
    .readonly()
    .optional()
    .meta({ description: "Holds when the answer (one choice or several) includes any of these choices." }),
});

export const AssessmentResponse = z.object({
  useCaseKey: z.string(),
  templateVersion: z.number().int(),
  title: z.string(),
  questions: z.array(question).readonly(),
  rules: z
    .array(rule)
    .readonly()
    .meta({ description: "The template's rules: the most severe tier among those that hold, else MINIMAL." }),
  answers: z.record(z.string(), answer),
  tier: z.enum(RISK_TIERS).meta({
    description:
      "Submitted or approved: the tier submitted (locked once approved); a draft: what its answers give now.",
  }),
  reasons: z.array(z.string()),
  useCaseTier: z
    .enum(RISK_TIERS)
    .nullable()
    .meta({ description: "The tier the gates follow: the last one submitted; null before any." }),
  status: z.enum(ASSESSMENT_STATUSES),
  revision: z.number().int(),
  version: z.number().int().meta({ description: "0 while not started; send it with the next PATCH." }),
  unanswered: z.array(z.string()),
  history: z.array(
    z.object({
      revision: z.number().int(),
      action: z.enum(["SUBMITTED", "APPROVED", "CHANGES_REQUESTED", "REVISED"]),
      tier: z.enum(RISK_TIERS).nullable(),
      rationale: z.string(),
      actor: PersonSchema.nullable(),
      at: z.string().meta({ format: "date-time" }),
    }),
  ),
});

// The response schema and the DTO type agree (question and rule shapes are looser in the schema: unions there).
type Loose<T> = Omit<T, "questions" | "rules">;
const _check: Loose<z.infer<typeof AssessmentResponse>> = {} as Loose<AssessmentDto>;
const _back: Loose<AssessmentDto> = {} as Loose<z.infer<typeof AssessmentResponse>>;
void _check;
void _back;

export const RiskTemplateResponse = z.object({
  version: z.number().int().meta({ description: "1 is the EU AI Act template Roadbook ships." }),
  title: z.string(),
  questions: z.array(question).readonly(),
  rules: z.array(rule).readonly(),
  createdAt: z.string().nullable().meta({ format: "date-time", description: "null for version 1." }),
  createdBy: PersonSchema.nullable(),
  currentVersion: z.number().int().meta({
    description: "The newest version (used by new screenings); send it back as `expectedVersion` with a change.",
  }),
});
const _template: Loose<z.infer<typeof RiskTemplateResponse>> = {} as Loose<RiskTemplateDto>;
const _templateBack: Loose<RiskTemplateDto> = {} as Loose<z.infer<typeof RiskTemplateResponse>>;
void _template;
void _templateBack;

const ApprovedRelease = z.object({
  reviewId: z.string().meta({ description: "The gate review that approved it." }),
  gate: z.string().meta({ examples: ["G3"] }),
  decision: z.enum(["GO", "CONDITIONAL_GO"]),
  decidedAt: z.string().meta({ format: "date-time" }),
  modelName: z.string().nullable().meta({ description: "The registered model; null when only a commit was approved." }),
  modelVersion: z.string().nullable(),
  runId: z.string().nullable().meta({ description: "The version's source run, from the last registry sync." }),
  aliases: z
    .array(z.string())
    .meta({ description: "The aliases that pointed at the version when the gate was requested, e.g. champion." }),
  commit: z.string().nullable().meta({ description: "A commit SHA or tag." }),
});

export const ModelCardResponse = z.object({
  useCaseKey: z.string(),
  riskTier: z
    .enum(RISK_TIERS)
    .nullable()
    .meta({ description: "HIGH makes the `requiredForHigh` fields a G2 criterion." }),
  ...(Object.fromEntries(
    MODEL_CARD_FIELDS.map((field) => [field.id, z.string().meta({ description: field.help })]),
  ) as Record<ModelCardFieldId, z.ZodString>),
  requiredForHigh: z.array(z.string()).meta({ description: "The ids of the fields a high-risk use case must fill." }),
  missingForHigh: z.array(z.string()).meta({ description: "The headings of those fields still empty." }),
  version: z.number().int().meta({ description: "0 while not written; send it with the next PATCH." }),
  updatedAt: z.string().nullable().meta({ format: "date-time" }),
  updatedBy: PersonSchema.nullable(),
  approvedReleases: z.array(ApprovedRelease).meta({
    description:
      "What the passing gates (GO, CONDITIONAL_GO) approved: model version, run and commit, the latest decision first. A release put up at a gate paused, stopped or still open is not listed.",
  }),
});

export const RiskEntryResponse = z.object({
  id: z.string(),
  useCaseKey: z.string(),
  title: z.string(),
  category: z.enum(RISK_CATEGORIES),
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  score: z.number().int().meta({ description: "likelihood × impact, 1 to 25." }),
  mitigation: z.string(),
  owner: PersonSchema.nullable(),
  dueOn: z.string().nullable().meta({ format: "date" }),
  status: z.enum(RISK_STATUSES),
  acceptanceRationale: z.string(),
  acceptedBy: PersonSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string().meta({ format: "date-time" }),
  updatedAt: z.string().meta({ format: "date-time" }),
});

const _card: z.infer<typeof ModelCardResponse> = {} as ModelCardDto;
const _cardBack: ModelCardDto = {} as z.infer<typeof ModelCardResponse>;
const _risk: z.infer<typeof RiskEntryResponse> = {} as RiskEntryDto;
const _riskBack: RiskEntryDto = {} as z.infer<typeof RiskEntryResponse>;
void _card;
void _cardBack;
void _risk;
void _riskBack;
