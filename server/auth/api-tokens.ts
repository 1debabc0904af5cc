import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../../prisma/client";

// Tokens look like rb_<43 base64url chars>; only their SHA-256 is stored.
export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = `rb_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Create a token for the user with this email; returns the secret, shown once. */
export async function createApiToken(prisma: PrismaClient, email: string, name: string): Promise<string> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new Error(`No user with email ${email}.`);
  if (!user.active) throw new Error(`User ${email} is deactivated.`);
  const { token, hash, prefix } = generateToken();
  await prisma.$transaction([
    prisma.apiToken.create({ data: { userId: user.id, name, tokenHash: hash, prefix } }),
    prisma.auditEvent.create({
      data: { actorId: null, action: "api-token.create", entity: "User", entityId: user.id, after: { name, prefix } },
    }),
  ]);
  return token;
}
