// Cost lines of a use case (tag Value). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import { CostSchema } from "@/lib/validation/cost";
import { type Endpoint, JSON_WRITE, READ } from "../endpoint";
import { CostResponse } from "../schemas/costs";

export const COST_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/costs",
    operationId: "listCosts",
    summary: "List a use case's costs",
    tag: "Value",
    success: {
      status: 200,
      description: "The cost lines, oldest month first, then by category.",
      schema: z.array(CostResponse),
    },
    errors: READ,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/costs",
    operationId: "createCost",
    summary: "Record a month's cost in one category",
    description:
      "BUSINESS and IT on any use case; the owner or sponsor. At any stage. PEOPLE takes `fteDays`, priced at the settings' `peopleDayRate` (409 while none is set, or when the use case counts in another currency); the other categories take `amount`. 409 when the (period, category) is already recorded.",
    tag: "Value",
    body: { schema: CostSchema },
    success: { status: 201, description: "The recorded cost line.", schema: CostResponse },
    errors: JSON_WRITE,
  },
];
