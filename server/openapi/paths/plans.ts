// A use case's plan: the target day of each later stage (tag Portfolio). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { PlanSchema } from "@/lib/validation/plan";
import type { Endpoint } from "../endpoint";
import { PlanResponse } from "../schemas/plans";

export const PLAN_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/plan",
    operationId: "getPlan",
    summary: "The use case's plan and how it went",
    description:
      "Any reader of the use case: the target day of each later stage, the day each was entered, the days late, and the plan's history.",
    tag: "Portfolio",
    success: {
      status: 200,
      description: "The plan (version 0 and null targets when none was set).",
      schema: PlanResponse,
    },
    errors: [401, 403, 404],
  },
  {
    method: "PUT",
    path: "/api/v1/use-cases/{key}/plan",
    operationId: "setPlan",
    summary: "Set the plan",
    description:
      "The owner or sponsor, BUSINESS, or ADMIN. Replaces the three targets (`YYYY-MM-DD`, null or missing: none), which keep stage order (prototype <= packaging <= production). Send the `version` the edit started from (0 for a first plan): a stale one is a 409 with the `current` plan. Each save is kept in the history and audited.",
    tag: "Portfolio",
    body: { schema: PlanSchema },
    success: { status: 200, description: "The plan as saved.", schema: PlanResponse },
    errors: [400, 401, 403, 404, 409, 413, 422],
  },
];
