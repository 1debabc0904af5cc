import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { db, type Tx } from "../db";
import { priorityRowsSql } from "./priority-sql";
import { currentAndPreviousModels } from "./scoring-model";

/** What the use-case DTO carries of the ranked list. */
export type Priority = { priorityScore: number | null; rank: number | null; previousRank: number | null };

export const NO_PRIORITY: Priority = { priorityScore: null, rank: null, previousRank: null };

/** The priority rows under the current model and the one before (`("useCaseId", tenths, rank, "previousRank")`). */
export async function priorityRows(client: Tx | typeof db = db): Promise<Prisma.Sql> {
  const { current, previous } = await currentAndPreviousModels(client);
  return priorityRowsSql(current, previous);
}

/** One use case's score and ranks (a rank needs every use case's score: PostgreSQL computes them). */
export async function priorityOf(useCaseId: string, client: Tx | typeof db = db): Promise<Priority> {
  const rows = await client.$queryRaw<{ tenths: bigint | null; rank: bigint | null; previousRank: bigint | null }[]>(
    Prisma.sql`SELECT p.tenths, p.rank, p."previousRank" FROM ${await priorityRows(client)} p WHERE p."useCaseId" = ${useCaseId}`,
  );
  const row = rows[0];
  if (!row) return NO_PRIORITY;
  const num = (value: bigint | null) => (value == null ? null : Number(value));
  return {
    priorityScore: row.tenths == null ? null : Number(row.tenths) / 10,
    rank: num(row.rank),
    previousRank: num(row.previousRank),
  };
}
