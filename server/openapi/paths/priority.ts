// The scoring model and a use case's scores (tag Portfolio). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { ScoresSchema, ScoringModelSchema } from "@/lib/validation/scoring";
import { type Endpoint, JSON_WRITE, READ } from "../endpoint";
import { ScoringModelResponse, UseCaseScoresResponse } from "../schemas/priority";

export const PRIORITY_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/scoring-model",
    operationId: "getScoringModel",
    summary: "The current scoring model",
    description: "Any signed-in user. The built-in default (version 1) until an admin changes it.",
    tag: "Portfolio",
    success: { status: 200, description: "The current version of the model.", schema: ScoringModelResponse },
    errors: [401],
  },
  {
    method: "PUT",
    path: "/api/v1/scoring-model",
    operationId: "updateScoringModel",
    summary: "Save a new version of the scoring model",
    description:
      "ADMIN. The whole model with `expectedVersion` (the version read); it becomes version + 1, every score is recomputed under it and the ranks' change reads against the version before. A stale `expectedVersion` gets 409 with `current`.",
    tag: "Portfolio",
    body: { schema: ScoringModelSchema },
    success: { status: 200, description: "The new version.", schema: ScoringModelResponse },
    errors: [400, 401, 403, 409, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/scores",
    operationId: "getScores",
    summary: "A use case's scores on the current model",
    tag: "Portfolio",
    success: {
      status: 200,
      description: "Each criterion with its value and who scored what, the total and the rank.",
      schema: UseCaseScoresResponse,
    },
    errors: READ,
  },
  {
    method: "PUT",
    path: "/api/v1/use-cases/{key}/scores",
    operationId: "putScores",
    summary: "Save your scores on some criteria",
    description:
      "BUSINESS on any use case; the owner or sponsor. One score per (criterion, scorer): saving again rewrites yours; the others' stay. Derived criteria are not scored (422).",
    tag: "Portfolio",
    body: { schema: ScoresSchema },
    success: { status: 200, description: "The use case's scores after the save.", schema: UseCaseScoresResponse },
    errors: JSON_WRITE,
  },
];
