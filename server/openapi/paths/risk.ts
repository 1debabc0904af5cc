// The risk screening's endpoints (tag Risk). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { CURRENT_SCREENING } from "../../../lib/risk-screening";
import { AssessmentReviewSchema, AssessmentSubmitSchema, assessmentUpdateSchema } from "../../../lib/validation/risk";
import { type Endpoint, JSON_WRITE } from "../endpoint";
import { AssessmentResponse } from "../schemas/risk";

export const RISK_ENDPOINTS: readonly Endpoint[] = [
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
      "The owner or sponsor (or ADMIN). `answers` replaces the saved ones; `version` is the one you started from (0 when not started): 409 with `current` when stale, or while the screening waits for its review. A change after approval starts a new revision.",
    tag: "Risk",
    body: { schema: assessmentUpdateSchema(CURRENT_SCREENING) },
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
];
