import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/lib/lifecycle";
import { checkPasswordStrength } from "@/lib/password-strength";
import { UserCreateSchema } from "@/lib/validation/auth";
import { hashPassword } from "../auth/password";
import { DomainError } from "../errors";
import { parseInput } from "../http/parse-input";

export type CreatedUser = { id: string; email: string; name: string; role: Role };

/**
 * Create a user with an Argon2id password hash, the password passing the same strength rule as
 * the profile form's. Used by the CLI (`user:create`) and the first-run setup.
 */
export async function createUser(
  prisma: PrismaClient,
  input: { email: string; name: string; role: string; password: string },
  actorId: string | null = null,
): Promise<CreatedUser> {
  const data = parseInput(UserCreateSchema, input);
  // The one strength rule (lib/password-strength.ts), as for a password change on the profile.
  const { problem } = checkPasswordStrength(data.password, data);
  if (problem)
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [{ path: "password", message: problem }],
    });
  const passwordHash = await hashPassword(data.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, passwordHash },
        select: { id: true, email: true, name: true, role: true },
      });
      await tx.auditEvent.create({
        data: {
          actorId,
          action: "user.create",
          entity: "User",
          entityId: user.id,
          after: { email: user.email, name: user.name, role: user.role },
        },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("CONFLICT", `A user with email ${data.email} already exists.`, {
        errors: [{ path: "email", message: "This email is already in use." }],
      });
    }
    throw error;
  }
}
