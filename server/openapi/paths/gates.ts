// Gate reviews, their decisions and conditions. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import { DecisionSchema, GateRequestSchema } from "@/lib/validation/gate";
import { type Endpoint, JSON_WRITE, READ } from "../endpoint";
import { ConditionClosedResponse, GateResponse } from "../schemas/gates";

export const GATE_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/gates",
    operationId: "listGates",
    summary: "List a use case's gate reviews",
    tag: "Gates",
    success: { status: 200, description: "The gate reviews, newest first.", schema: z.array(GateResponse) },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/gates",
    operationId: "requestGateReview",
    summary: "Request the review of the next gate",
    description:
      "The gate out of the current stage (owner or ADMIN). 409 when a review is open or the entry criteria are unmet (listed in `errors`). An empty body is allowed.",
    tag: "Gates",
    body: { schema: GateRequestSchema, optional: true },
    success: { status: 201, description: "The open review.", schema: GateResponse },
    errors: JSON_WRITE,
  },
  {
    method: "POST",
    path: "/api/v1/gates/{id}/decisions",
    operationId: "decideGate",
    summary: "Vote on a gate review",
    description:
      "A decider role of the gate, not the requester (403). GO needs every decider role; PAUSE or STOP closes the review at once. 409 when already decided, or when the vote would pass the gate but its entry criteria are no longer met (each unmet criterion in `errors`): the vote is not recorded and the review stays open.",
    tag: "Gates",
    body: { schema: DecisionSchema },
    success: { status: 201, description: "The review after the vote.", schema: GateResponse },
    errors: JSON_WRITE,
  },
  {
    method: "POST",
    path: "/api/v1/conditions/{id}/close",
    operationId: "closeCondition",
    summary: "Close a condition of a go with conditions",
    description: "The condition's owner or ADMIN; 409 when already closed.",
    tag: "Gates",
    success: { status: 200, description: "Closed.", schema: ConditionClosedResponse },
    errors: [401, 403, 404, 409],
  },
];
