import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { ApiTokenScope } from "@/generated/prisma/client";
import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  ApiTokenExpiresInDaysSchema,
  type ApiTokenScopeName,
  ApiTokenScopeSchema,
} from "@/lib/validation/api-token";
import type { PrismaClient } from "@/prisma/client";

// Tokens look like rb_<43 base64url chars>; only their SHA-256 is stored.
export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = `rb_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const SCOPE_OF_NAME: Record<ApiTokenScopeName, ApiTokenScope> = {
  "read-only": "READ_ONLY",
  "read-write": "READ_WRITE",
  "deploy:check": "DEPLOY_CHECK",
};
const NAME_OF_SCOPE: Record<ApiTokenScope, ApiTokenScopeName> = {
  READ_ONLY: "read-only",
  READ_WRITE: "read-write",
  DEPLOY_CHECK: "deploy:check",
};
export const scopeToDb = (name: ApiTokenScopeName): ApiTokenScope => SCOPE_OF_NAME[name];
export const scopeName = (scope: ApiTokenScope): ApiTokenScopeName => NAME_OF_SCOPE[scope];

/** When a token made now, living `days` days, expires. */
export function expiryIn(days: number, now = new Date()): Date {
  return new Date(now.getTime() + days * 86_400_000);
}

/**
 * Create a token for the user with this email (the CLI `token:create`, operators and test
 * setups): read-write and 90 days unless told; returns the secret, shown once.
 */
export async function createApiToken(
  prisma: PrismaClient,
  email: string,
  name: string,
  options: { scope?: string; expiresInDays?: number } = {},
): Promise<string> {
  const scope = ApiTokenScopeSchema.safeParse(options.scope ?? "read-write");
  if (!scope.success)
    throw new Error(
      `The scope must be read-only or read-write (or deploy:check, for pipelines), not "${options.scope}".`,
    );
  const days = ApiTokenExpiresInDaysSchema.safeParse(options.expiresInDays ?? API_TOKEN_DEFAULT_DAYS);
  if (!days.success) throw new Error(`--expires-in-days must be a whole number from 1 to ${API_TOKEN_MAX_DAYS}.`);
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new Error(`No user with email ${email}.`);
  if (!user.active) throw new Error(`User ${email} is deactivated.`);
  const { token, hash, prefix } = generateToken();
  const expiresAt = expiryIn(days.data);
  await prisma.$transaction([
    prisma.apiToken.create({
      data: { userId: user.id, name, tokenHash: hash, prefix, scope: scopeToDb(scope.data), expiresAt },
    }),
    prisma.auditEvent.create({
      data: {
        actorId: null,
        action: "api-token.create",
        entity: "User",
        entityId: user.id,
        after: { name, prefix, scope: scope.data, expiresAt: expiresAt.toISOString() },
      },
    }),
  ]);
  return token;
}
