import "server-only";
import { parseKey } from "../../lib/lifecycle";
import { db, type Tx } from "../db";
import { notFound } from "../errors";

/** The use case row behind a public key (UC-n); NOT_FOUND for an unknown or malformed key. */
export async function findUseCaseByKey(key: string, client: Tx | typeof db = db) {
  const number = parseKey(key);
  const row = number == null ? null : await client.useCase.findUnique({ where: { number } });
  if (!row) throw notFound(`Use case ${key}`);
  return row;
}

/** Take the use case's row lock for the rest of the transaction: gate requests and decisions queue here. */
export async function lockUseCase(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "UseCase" WHERE id = ${id} FOR UPDATE`;
}
