// Inputs of user management (ADMIN): the list's filters, a new user, an edit of role, team or
// active flag. One schema per input, used by the forms, the server actions and the API.
import { z } from "zod";
import { ROLES } from "../lifecycle";
import { EmailSchema } from "./auth";

export const USER_STATUSES = ["active", "deactivated", "awaiting"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: "Active",
  deactivated: "Deactivated",
  awaiting: "Awaiting a role",
};

const role = z.enum(ROLES, { error: "Role must be ADMIN, BUSINESS, DATA_SCIENTIST, IT or RISK." });

/** A team name; empty means "no team" (null). */
export const TeamSchema = z
  .string({ error: "The team must be text." })
  .trim()
  .max(80, { error: "The team must be at most 80 characters." })
  .transform((value) => (value === "" ? null : value));

export const UserNameSchema = z
  .string({ error: "Give a name." })
  .trim()
  .min(1, { error: "Give a name." })
  .max(120, { error: "The name must be at most 120 characters." });

/** `?q=&role=&status=` of the Users page and of GET /api/v1/users. */
export const UserListQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(100, { error: "Search with at most 100 characters." })
      .optional()
      .meta({ description: "Part of the name or email (case-insensitive)." }),
    role: role.optional().meta({ description: "Only users with this role." }),
    status: z
      .enum(USER_STATUSES, { error: "Status must be active, deactivated or awaiting." })
      .optional()
      .meta({ description: "active, deactivated, or awaiting (signed in through SSO, waiting for a role)." }),
  })
  .strict();
export type UserListQuery = z.output<typeof UserListQuerySchema>;

/** A new user (or an invitation: the same, the generated first password is handed over). */
export const UserAdminCreateSchema = z
  .object({
    email: EmailSchema,
    name: UserNameSchema,
    role,
    team: TeamSchema.nullable().optional(),
  })
  .strict();
export type UserAdminCreate = z.output<typeof UserAdminCreateSchema>;

/**
 * An edit: any of role, team, active. `updatedAt` (users have no version column) is the
 * concurrency token, required: when the user changed since, the answer is 409 with the user now.
 */
export const UserUpdateSchema = z
  .object({
    role: role.optional(),
    team: TeamSchema.nullable().optional(),
    active: z.boolean({ error: "active is true or false." }).optional(),
    updatedAt: z.iso.datetime({ error: "Send updatedAt: the user's updatedAt as read (ISO 8601)." }).meta({
      description: "The user's updatedAt as read (required): a stale edit gets 409 with the user as it is now.",
    }),
  })
  .strict()
  .refine((value) => value.role !== undefined || value.team !== undefined || value.active !== undefined, {
    error: "Change at least one of role, team or active.",
  });
export type UserUpdate = z.output<typeof UserUpdateSchema>;
