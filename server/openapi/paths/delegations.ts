// The flow endpoints: out-of-office delegation (tag Gates). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { DelegationSchema } from "@/lib/validation/delegation";
import type { Endpoint } from "../endpoint";
import { MyDelegationResponse } from "../schemas/delegations";

export const DELEGATION_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/me/delegation",
    operationId: "getMyDelegation",
    summary: "My out-of-office delegation",
    description:
      "Any signed-in user: their current delegation, and the absent colleagues they may vote for today (`onBehalfOf` of a decision).",
    tag: "Gates",
    success: {
      status: 200,
      description: "The delegation, and whom the caller acts for.",
      schema: MyDelegationResponse,
    },
    errors: [401],
  },
  {
    method: "PUT",
    path: "/api/v1/me/delegation",
    operationId: "setMyDelegation",
    summary: "Set or end my out-of-office delegation",
    description:
      "`{ delegateId, from, to }` sets it, replacing the current one: the delegate is another active user with the caller's role; days are inclusive, at most a year. `{ delegateId: null }` ends it. While in force, the delegate may vote in the caller's place (`onBehalfOf`); never on a review the caller requested. Audited.",
    tag: "Gates",
    body: { schema: DelegationSchema },
    success: { status: 200, description: "The delegation as it is now.", schema: MyDelegationResponse },
    errors: [400, 401, 413, 422],
  },
];
