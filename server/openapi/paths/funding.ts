// Funding-round snapshots (tag Portfolio). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import { FundingCompareQuerySchema, FundingSnapshotCreateSchema } from "@/lib/validation/funding-snapshot";
import type { Endpoint } from "../endpoint";
import { FundingComparisonResponse, FundingSnapshotResponse, FundingSnapshotSummaryResponse } from "../schemas/funding";

export const FUNDING_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/funding-snapshots",
    operationId: "listFundingSnapshots",
    summary: "The funding-round snapshots",
    description: "Any signed-in user. Newest first (the newest 200), without their ranked lists.",
    tag: "Portfolio",
    success: {
      status: 200,
      description: "The snapshots.",
      schema: z.array(FundingSnapshotSummaryResponse),
    },
    errors: [401],
  },
  {
    method: "POST",
    path: "/api/v1/funding-snapshots",
    operationId: "createFundingSnapshot",
    summary: "Freeze the ranked list now",
    description:
      "BUSINESS and ADMIN. Every scored use case with its rank, score, the value each criterion gave its total, its stage, base EBITDA and cost to date, under the current scoring model. Never edited afterwards.",
    tag: "Portfolio",
    body: { schema: FundingSnapshotCreateSchema },
    success: { status: 201, description: "The snapshot with its ranked list.", schema: FundingSnapshotResponse },
    errors: [400, 401, 403, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/funding-snapshots/compare",
    operationId: "compareFundingSnapshots",
    summary: "What moved between two snapshots, and why",
    description:
      "Any signed-in user. Per use case: rank and score before and after, places moved, and the reasons (criterion values, stage or status, entering or leaving the list, a new model version, or others moving around it). Use cases that changed in no way are only counted.",
    tag: "Portfolio",
    query: FundingCompareQuerySchema,
    success: { status: 200, description: "The comparison.", schema: FundingComparisonResponse },
    errors: [401, 404, 422],
  },
  {
    method: "GET",
    path: "/api/v1/funding-snapshots/{id}",
    operationId: "getFundingSnapshot",
    summary: "A funding-round snapshot with its ranked list",
    description: "Any signed-in user.",
    tag: "Portfolio",
    success: {
      status: 200,
      description: "The snapshot, its model and its rows by rank.",
      schema: FundingSnapshotResponse,
    },
    errors: [401, 404],
  },
];
