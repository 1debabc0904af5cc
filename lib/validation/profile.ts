// Inputs of the signed-in user's own profile. The team is not here: admins set teams
// (Admin → Users); a user sees theirs on the profile page.
import { z } from "zod";
import { LOCALE_TAGS } from "../locale";
import { UserNameSchema } from "./user";

export const ProfileUpdateSchema = z
  .object({
    name: UserNameSchema,
    emailNotifications: z.boolean({ error: "Email notifications is on or off." }),
    /** Dates and amounts in this language; null follows the browser; absent keeps the choice. */
    locale: z
      .enum(LOCALE_TAGS, { error: "Choose one of the languages listed, or the browser's." })
      .nullable()
      .optional(),
  })
  .strict();
export type ProfileUpdate = z.output<typeof ProfileUpdateSchema>;

/** The strength of `newPassword` is checked by lib/password-strength.ts (it needs the user's email and name). */
export const PasswordChangeSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password." })
      .min(1, { error: "Enter your current password." })
      .max(200, { error: "Enter your current password." }),
    newPassword: z.string({ error: "Choose a new password." }).max(200, { error: "Use at most 200 characters." }),
    /** Also revoke every API token of the user (a password you suspect leaked may have minted some). */
    revokeTokens: z.boolean({ error: "Revoke tokens is true or false." }).default(false),
  })
  .strict();
export type PasswordChange = z.output<typeof PasswordChangeSchema>;

/** Sign out everywhere: every session of the user ends; with `revokeTokens`, every API token too. */
export const SignOutEverywhereSchema = z
  .object({ revokeTokens: z.boolean({ error: "Revoke tokens is true or false." }).default(false) })
  .strict();
