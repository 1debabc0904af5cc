// Inputs of the signed-in user's own profile. The team is not here: admins set teams
// (Admin → Users); a user sees theirs on the profile page.
import { z } from "zod";
import { UserNameSchema } from "./user";

export const ProfileUpdateSchema = z
  .object({
    name: UserNameSchema,
    emailNotifications: z.boolean({ error: "Email notifications is on or off." }),
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
  })
  .strict();
export type PasswordChange = z.output<typeof PasswordChangeSchema>;
