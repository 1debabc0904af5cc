// The flow endpoints (out-of-office delegation), their response schemas and the compile-time
// check that each schema matches its DTO: kept beside the main registry, which spreads them in.
import "server-only";
import { z } from "zod";
import { DelegationSchema } from "../../lib/validation/delegation";
import type { MyDelegation } from "../delegations/my-delegation";
import type { Endpoint } from "./endpoints";
import { PersonSchema } from "./responses";

const dateTime = z.string().meta({ format: "date-time", examples: ["2026-03-14T09:30:00.000Z"] });
const day = z.string().meta({ format: "date", examples: ["2026-09-30"] });

export const DelegationResponse = z.object({
  id: z.string(),
  user: PersonSchema.meta({ description: "Who is away." }),
  delegate: PersonSchema.meta({ description: "Who votes in their place meanwhile (same role, active)." }),
  from: day.meta({ description: "First day away (inclusive, UTC)." }),
  to: day.meta({ description: "Last day away (inclusive, UTC)." }),
  inForce: z.boolean().meta({ description: "Today is within from..to and it was not ended." }),
  createdAt: dateTime,
  endedAt: dateTime.nullable(),
  endedBy: PersonSchema.nullable(),
});

export const MyDelegationResponse = z.object({
  delegation: DelegationResponse.nullable().meta({
    description: "The caller's current delegation (in force or planned), or null.",
  }),
  actingFor: z
    .array(DelegationResponse)
    .meta({ description: "Delegations in force today that let the caller vote for someone else." }),
});

type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when the schema and the DTO drift apart. */
export const FLOW_SCHEMAS_MATCH_DTOS: { MyDelegation: Equal<z.infer<typeof MyDelegationResponse>, MyDelegation> } = {
  MyDelegation: true,
};

export const FLOW_ENDPOINTS: Endpoint[] = [
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
