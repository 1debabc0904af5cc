// Response schemas: the scoring model and a use case's scores.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time; a shape built elsewhere is checked below.
import "server-only";
import { z } from "zod";
import type { ScoringModelDto } from "../../priority/scoring-model";
import { dateTime, type Equal, PersonSchema } from "./common";

const CriterionResponse = z.object({
  key: z.string().meta({ examples: ["feasibility"] }),
  label: z.string(),
  weight: z.number().int().meta({ description: "0–100, relative to the other criteria; 0 does not count." }),
  inverted: z.boolean().meta({ description: "A higher score is worse (risk): it counts as 6 − score." }),
  derivedFrom: z.enum(["EBITDA_BASE", "RISK_TIER"]).nullable().meta({
    description: "Taken from the use case's base EBITDA (by `ebitdaBands`) or risk tier; null: scored by people.",
  }),
  guidance: z.array(z.string()).meta({ description: "What a score of 1, 2, 3, 4 and 5 means." }),
});

export const ScoringModelResponse = z.object({
  formula: z.enum(["WEIGHTED", "RICE"]).meta({
    description: "WEIGHTED: 100 × Σ w(v − 1) ÷ 4Σw. RICE: 100 × reach × impact × confidence ÷ (125 × effort).",
  }),
  criteria: z.array(CriterionResponse),
  ebitdaBands: z
    .array(z.string())
    .meta({ description: "Base EBITDA from which a derived value scores 2, 3, 4 and 5." }),
  version: z.number().int().meta({ description: "Send it back as `expectedVersion`; each change is a new version." }),
  createdAt: dateTime.nullable().meta({ description: "Null for the built-in default (version 1, before any change)." }),
  createdBy: PersonSchema.nullable(),
});

const ScoreResponse = z.object({
  scorer: PersonSchema,
  value: z.number().int(),
  comment: z.string(),
  updatedAt: dateTime,
});

export const UseCaseScoresResponse = z.object({
  key: z.string(),
  modelVersion: z.number().int(),
  formula: z.enum(["WEIGHTED", "RICE"]),
  priorityScore: z.number().nullable().meta({ description: "0–100, one decimal; null before anything is scored." }),
  rank: z.number().int().nullable(),
  previousRank: z.number().int().nullable(),
  criteria: z.array(
    CriterionResponse.extend({
      value: z
        .number()
        .nullable()
        .meta({ description: "What the total uses: the mean of the scores (2 decimals) or the derived 1–5." }),
      scores: z.array(ScoreResponse).meta({ description: "One per scorer, each with who, when and why." }),
    }),
  ),
});

/** Fails to compile when a response schema and its DTO type drift apart. */
export const PRIORITY_SCHEMAS_MATCH_DTOS: {
  ScoringModel: Equal<z.infer<typeof ScoringModelResponse>, ScoringModelDto>;
} = {
  ScoringModel: true,
};
