// Response schemas: managed users (ADMIN).
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { ROLES } from "@/lib/lifecycle";
import { dateTime } from "./common";

export const ManagedUserResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  team: z.string().nullable(),
  active: z.boolean(),
  awaitingRole: z
    .boolean()
    .meta({ description: "Signed in through SSO with no role yet: no access until one is assigned." }),
  sso: z.boolean().meta({ description: "Signs in through SSO only (no password)." }),
  createdAt: dateTime,
  updatedAt: dateTime.meta({ description: "The concurrency token of PATCH /api/v1/users/{id}." }),
});
export const ManagedUserCreatedResponse = ManagedUserResponse.extend({
  password: z
    .string()
    .meta({ description: "The generated first password: returned this once, never stored in clear." }),
});
export const UserListResponse = z.object({ items: z.array(ManagedUserResponse), count: z.number().int() });
