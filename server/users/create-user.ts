import "server-only";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { Role } from "../../lib/lifecycle";
import { UserCreateSchema } from "../../lib/validation/auth";
import { hashPassword } from "../auth/password";
import { DomainError } from "../errors";
import { parseInput } from "../use-cases/validate-input";

export type CreatedUser = { id: string; email: string; name: string; role: Role };

/**
 * Create a user with an Argon2id password hash. Used by the CLI (`user:create`), the
 * first-run setup and the demo seed; the admin UI will call it with an acting admin.
 */
export async function createUser(
  prisma: PrismaClient,
  input: { email: string; name: string; role: string; password: string },
  actorId: string | null = null,
): Promise<CreatedUser> {
  const data = parseInput(UserCreateSchema, input);
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
