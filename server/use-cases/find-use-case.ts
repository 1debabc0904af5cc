import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { parseKey } from "@/lib/lifecycle";
import { db, type Tx } from "../db";
import { notFound } from "../errors";

/**
 * The use case row behind a public key (UC-n), with `include`'s relations; NOT_FOUND for an
 * unknown or malformed key. The one place a key is looked up.
 */
export async function findUseCaseByKey<const Include extends Prisma.UseCaseInclude = Record<never, never>>(
  key: string,
  client: Tx | typeof db = db,
  include?: Include,
): Promise<Prisma.UseCaseGetPayload<{ include: Include }>> {
  const number = parseKey(key);
  const row = number == null ? null : await client.useCase.findUnique({ where: { number }, include });
  if (!row) throw notFound(`Use case ${key}`);
  return row as Prisma.UseCaseGetPayload<{ include: Include }>;
}

/** Take the use case's row lock for the rest of the transaction: gate requests and decisions queue here. */
export async function lockUseCase(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "UseCase" WHERE id = ${id} FOR UPDATE`;
}
