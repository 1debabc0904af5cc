// Response schemas: out-of-office delegations.
// For the OpenAPI document only (not validated at run time); checked against its DTO type below.
import "server-only";
import { z } from "zod";
import type { MyDelegation } from "../../delegations/my-delegation";
import { dateTime, day, type Equal, PersonSchema } from "./common";

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

/** Fails to compile when the schema and the DTO drift apart. */
export const DELEGATION_SCHEMAS_MATCH_DTOS: {
  MyDelegation: Equal<z.infer<typeof MyDelegationResponse>, MyDelegation>;
} = {
  MyDelegation: true,
};
