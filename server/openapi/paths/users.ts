// People, their roles, teams and access (ADMIN). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { UserAdminCreateSchema, UserListQuerySchema, UserUpdateSchema } from "@/lib/validation/user";
import type { Endpoint } from "../endpoint";
import { ManagedUserCreatedResponse, ManagedUserResponse, UserListResponse } from "../schemas/users";

export const USER_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/users",
    operationId: "listUsers",
    summary: "List users",
    description: "ADMIN. By name; at most 500 items, `count` is the number matching.",
    tag: "Users",
    query: UserListQuerySchema,
    success: { status: 200, description: "The users matching the filters.", schema: UserListResponse },
    errors: [401, 403, 422],
  },
  {
    method: "POST",
    path: "/api/v1/users",
    operationId: "createUser",
    summary: "Create (or invite) a user",
    description: "ADMIN. A first password is generated and returned once, to hand over (no email is sent).",
    tag: "Users",
    body: { schema: UserAdminCreateSchema },
    success: { status: 201, description: "The user, with its first password.", schema: ManagedUserCreatedResponse },
    errors: [400, 401, 403, 409, 413, 422],
  },
  {
    method: "PATCH",
    path: "/api/v1/users/{id}",
    operationId: "updateUser",
    summary: "Change a user's role, team or access",
    description:
      "ADMIN. Users are never deleted: `active: false` deactivates. Assigning a role to a user awaiting one lets them in. 409 when it would leave no active admin, or when `updatedAt` is stale (with `current`). `updatedAt` as read is required (422 without it). Applies from the user's next request.",
    tag: "Users",
    body: { schema: UserUpdateSchema },
    success: { status: 200, description: "The user.", schema: ManagedUserResponse },
    errors: [400, 401, 403, 404, 409, 413, 422],
  },
];
