// Estimate revisions, realised EBITDA and user feedback. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import { FeedbackSchema } from "@/lib/validation/gate";
import { ActualSchema, EstimateSchema } from "@/lib/validation/value";
import { type Endpoint, JSON_WRITE, READ } from "../endpoint";
import { ActualResponse, EstimateResponse, FeedbackResponse } from "../schemas/value";

export const VALUE_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/estimates",
    operationId: "listEstimates",
    summary: "List estimate revisions",
    tag: "Value",
    success: {
      status: 200,
      description: "The revisions, newest first, with their computed figures.",
      schema: z.array(EstimateResponse),
    },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/estimates",
    operationId: "createEstimate",
    summary: "Revise the estimate",
    description: "The owner, the sponsor or ADMIN. The revision also becomes the use case's `ebitda`.",
    tag: "Value",
    body: { schema: EstimateSchema },
    success: { status: 201, description: "The new revision.", schema: EstimateResponse },
    errors: [400, 401, 403, 404, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/actuals",
    operationId: "listActuals",
    summary: "List realised EBITDA",
    tag: "Value",
    success: { status: 200, description: "The months recorded, oldest first.", schema: z.array(ActualResponse) },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/actuals",
    operationId: "createActual",
    summary: "Record a month's realised EBITDA",
    description: "In PRODUCTION only (409 otherwise, or when the month is already recorded).",
    tag: "Value",
    body: { schema: ActualSchema },
    success: { status: 201, description: "The recorded month.", schema: ActualResponse },
    errors: JSON_WRITE,
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/feedback",
    operationId: "listFeedback",
    summary: "List user feedback",
    tag: "Value",
    success: { status: 200, description: "The feedback, newest first.", schema: z.array(FeedbackResponse) },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/feedback",
    operationId: "createFeedback",
    summary: "Record user feedback",
    tag: "Value",
    body: { schema: FeedbackSchema },
    success: { status: 201, description: "The recorded feedback.", schema: FeedbackResponse },
    errors: [400, 401, 403, 404, 413, 422],
  },
];
