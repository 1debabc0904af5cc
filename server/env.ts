import "server-only";
import { z } from "zod";

// Validated on first use rather than at import, so `next build` needs no database or secret.
const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set." })
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must be a postgresql:// URL." }),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is not set." })
    .min(32, { error: "NEXTAUTH_SECRET must be at least 32 characters." }),
});

let cached: z.output<typeof EnvSchema> | undefined;

export function env(): z.output<typeof EnvSchema> {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Configuration error: ${parsed.error.issues.map((i) => i.message).join(" ")}`);
  cached = parsed.data;
  return cached;
}
