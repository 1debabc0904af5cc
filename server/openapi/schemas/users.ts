// Response schemas: managed users (ADMIN).
// For the OpenAPI document only (not validated at run time); each is checked against its DTO type below.
import "server-only";
import { z } from "zod";
import { ROLES } from "@/lib/lifecycle";
import type { CreatedManagedUserDto, ManagedUserDto } from "../../users/manage-users";
import { dateTime, type Equal } from "./common";

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

/** Fails to compile when a response schema and its DTO type drift apart. */
export const USERS_SCHEMAS_MATCH_DTOS: {
  ManagedUser: Equal<z.infer<typeof ManagedUserResponse>, ManagedUserDto>;
  ManagedUserCreated: Equal<z.infer<typeof ManagedUserCreatedResponse>, CreatedManagedUserDto>;
} = {
  ManagedUser: true,
  ManagedUserCreated: true,
};
