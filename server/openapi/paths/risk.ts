// The risk screening's endpoints (tag Risk). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import { SCREENING_V1 } from "@/lib/risk-screening";
import { ModelCardUpdateSchema } from "@/lib/validation/model-card";
import { AssessmentReviewSchema, AssessmentSubmitSchema, assessmentUpdateSchema } from "@/lib/validation/risk";
import { RiskCreateSchema, RiskUpdateSchema } from "@/lib/validation/risk-register";
import { RiskTemplateUpdateSchema } from "@/lib/validation/risk-template";
import { type Endpoint, JSON_WRITE, READ } from "../endpoint";
import { AssessmentResponse, ModelCardResponse, RiskEntryResponse, RiskTemplateResponse } from "../schemas/risk";

const RiskTemplateQuerySchema = z.object({
  version: z
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: "A version to read (a screening's `templateVersion`); by default the current one." }),
});

export const RISK_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/risk-template",
    operationId: "getRiskTemplate",
    summary: "Read the risk screening template",
    description:
      "Any signed-in user (a read-only token too). The questionnaire new screenings use, or `?version=N` (a screening's `templateVersion`): its questions and the rules that map answers to a tier. Version 1 is the EU AI Act template Roadbook ships. A screening aid, not legal advice.",
    tag: "Risk",
    query: RiskTemplateQuerySchema,
    success: { status: 200, description: "The template version.", schema: RiskTemplateResponse },
    errors: [401, 404, 422],
  },
  {
    method: "PUT",
    path: "/api/v1/risk-template",
    operationId: "updateRiskTemplate",
    summary: "Save a new version of the risk screening template",
    description:
      "ADMIN. The whole questionnaire (`title`, `questions`, `rules`) with `expectedVersion` (the `currentVersion` read); it becomes version + 1, which new screenings use, while a screening keeps the version it started with. 422 names each field (duplicate question ids, choices missing, a rule naming an unknown question or choice, a link that is not http(s)); a stale `expectedVersion` gets 409 with `current`.",
    tag: "Risk",
    body: { schema: RiskTemplateUpdateSchema },
    success: { status: 200, description: "The new version.", schema: RiskTemplateResponse },
    errors: [400, 401, 403, 409, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/assessment",
    operationId: "getAssessment",
    summary: "Read the risk screening",
    description:
      "The EU AI Act screening of the use case: the template's questions, the answers, the tier, the review status and the history. A screening aid, not legal advice. Not started: an empty draft with `version: 0`.",
    tag: "Risk",
    success: { status: 200, description: "The screening.", schema: AssessmentResponse },
    errors: [401, 403, 404],
  },
  {
    method: "PATCH",
    path: "/api/v1/use-cases/{key}/assessment",
    operationId: "updateAssessment",
    summary: "Answer the risk screening",
    description:
      "The owner or sponsor (or ADMIN). `answers` replaces the saved ones, keyed by the question ids of the screening's template version (`templateVersion`; shown here for version 1); `version` is the one you started from (0 when not started): 409 with `current` when stale, or while the screening waits for its review. A change after approval starts a new revision.",
    tag: "Risk",
    body: { schema: assessmentUpdateSchema(SCREENING_V1) },
    success: { status: 200, description: "The screening.", schema: AssessmentResponse },
    errors: JSON_WRITE,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/assessment/submit",
    operationId: "submitAssessment",
    summary: "Submit the risk screening for review",
    description:
      "Every required question answered (422 lists the others). The tier becomes the use case's `riskTier` at once.",
    tag: "Risk",
    body: { schema: AssessmentSubmitSchema, optional: true },
    success: { status: 200, description: "The submitted screening.", schema: AssessmentResponse },
    errors: JSON_WRITE,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/assessment/review",
    operationId: "reviewAssessment",
    summary: "Review the risk screening (RISK)",
    description:
      "RISK only, never on a use case the reviewer owns or sponsors. APPROVE locks the tier; REQUEST_CHANGES sends it back. 409 when it is not waiting for review.",
    tag: "Risk",
    body: { schema: AssessmentReviewSchema },
    success: { status: 200, description: "The reviewed screening.", schema: AssessmentResponse },
    errors: JSON_WRITE,
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/model-card",
    operationId: "getModelCard",
    summary: "Read the model card",
    description:
      "The model card (Mitchell et al. 2019, the Hugging Face headings): intended and out-of-scope use, training and evaluation data, metrics with thresholds, ethical considerations, limitations, fairness analysis, human oversight, monitoring. `requiredForHigh` names the fields a high-risk use case must fill before G2. Not written: empty, `version: 0`.",
    tag: "Risk",
    success: { status: 200, description: "The model card.", schema: ModelCardResponse },
    errors: READ,
  },
  {
    method: "PATCH",
    path: "/api/v1/use-cases/{key}/model-card",
    operationId: "updateModelCard",
    summary: "Write the model card",
    description:
      "The owner or sponsor (or ADMIN). The fields sent replace theirs, the others stay; `version` is the one you read (0 when not written): 409 with `current` when stale.",
    tag: "Risk",
    body: { schema: ModelCardUpdateSchema },
    success: { status: 200, description: "The model card.", schema: ModelCardResponse },
    errors: JSON_WRITE,
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/risks",
    operationId: "listRisks",
    summary: "List the risk register",
    description: "The use case's risks, the highest score (likelihood × impact) first.",
    tag: "Risk",
    success: { status: 200, description: "The risks.", schema: z.array(RiskEntryResponse) },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/risks",
    operationId: "createRisk",
    summary: "Add a risk to the register",
    description:
      "The owner or sponsor, ADMIN or RISK. An ACCEPTED risk needs `acceptanceRationale`, and only RISK or the business owner or sponsor accepts one (403).",
    tag: "Risk",
    body: { schema: RiskCreateSchema },
    success: { status: 201, description: "The new risk.", schema: RiskEntryResponse },
    errors: JSON_WRITE,
  },
  {
    method: "PATCH",
    path: "/api/v1/use-cases/{key}/risks/{id}",
    operationId: "updateRisk",
    summary: "Edit a risk of the register",
    description:
      "The fields sent replace theirs; `version` is the one you read: 409 with `current` when stale. Accepting (or changing an accepted risk's rationale) needs RISK or the business owner or sponsor, and a rationale.",
    tag: "Risk",
    body: { schema: RiskUpdateSchema },
    success: { status: 200, description: "The risk.", schema: RiskEntryResponse },
    errors: JSON_WRITE,
  },
];
