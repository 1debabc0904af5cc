// Response schemas: out-of-office delegations.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { dateTime, day, PersonSchema } from "./common";

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
