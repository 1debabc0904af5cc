import { z } from "zod";
import "./no-eval";
import { ROLES } from "../lifecycle";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: "Email is too long." })
  .email({ error: "Enter a valid email address." });

export const PasswordSchema = z
  .string()
  .min(12, { error: "Use at least 12 characters." })
  .max(200, { error: "Use at most 200 characters." });

export const UserCreateSchema = z
  .object({
    email: EmailSchema,
    name: z.string().trim().min(1, { error: "Give a name." }).max(120),
    role: z.enum(ROLES, { error: "Role must be ADMIN, BUSINESS, DATA_SCIENTIST, IT or RISK." }),
    password: PasswordSchema,
  })
  .strict();
export type UserCreate = z.output<typeof UserCreateSchema>;

export const SetupSchema = UserCreateSchema.omit({ role: true }).extend({
  setupCode: z.string().trim().min(1, { error: "Enter the setup code from the server's log." }).max(64),
});
