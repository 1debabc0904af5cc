// The risk screening's endpoints and response shapes, spread into ENDPOINTS (./endpoints.ts).
import "server-only";
import { z } from "zod";
import { ASSESSMENT_STATUSES, CURRENT_SCREENING, RISK_TIERS } from "../../lib/risk-screening";
import { AssessmentReviewSchema, AssessmentSubmitSchema, assessmentUpdateSchema } from "../../lib/validation/risk";
import type { AssessmentDto } from "../risk/assessment-dto";
import type { Endpoint } from "./endpoints";
import { PersonSchema } from "./responses";

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

export const AssessmentResponse = z.object({
  useCaseKey: z.string(),
  templateVersion: z.number().int(),
  title: z.string(),
  questions: z.array(question).readonly(),
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

// The response schema and the DTO type agree (question shapes are looser in the schema: a union there).
type Loose<T> = Omit<T, "questions">;
const _check: Loose<z.infer<typeof AssessmentResponse>> = {} as Loose<AssessmentDto>;
const _back: Loose<AssessmentDto> = {} as Loose<z.infer<typeof AssessmentResponse>>;
void _check;
void _back;

const WRITE = [400, 401, 403, 404, 409, 413, 422] as const;

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
    errors: WRITE,
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
    errors: WRITE,
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
    errors: WRITE,
  },
];
