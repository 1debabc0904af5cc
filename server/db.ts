import "server-only";
import type pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { createPool, createPrismaClient, type PrismaClient } from "@/prisma/client";
import { noteDatabaseDown } from "./database-outage";

// One pool and one client per process (kept on globalThis so dev reloads do not open new pools).
const globalForPrisma = globalThis as { roadbookPrisma?: PrismaClient; roadbookPool?: pg.Pool };

if (!globalForPrisma.roadbookPool) {
  globalForPrisma.roadbookPool = createPool(process.env.DATABASE_URL);
  // A connection lost (the server stopped or restarting): pages check the database first.
  globalForPrisma.roadbookPool.on("error", noteDatabaseDown);
}
globalForPrisma.roadbookPrisma ??= createPrismaClient(process.env.DATABASE_URL, globalForPrisma.roadbookPool);
export const db: PrismaClient = globalForPrisma.roadbookPrisma;
/** The pool under `db`, for its metrics. */
export const dbPool: pg.Pool = globalForPrisma.roadbookPool;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * A read straight on the pool, without Prisma's per-query work (about 0.5 ms of CPU each):
 * only for the hottest reads (an API request's token, the API list page, the priority refresh's
 * probe; docs/benchmarks.md).
 * Rows come as node-postgres parses them, so select text, numbers and booleans, not
 * timestamps (pg would read those in the server's local time zone).
 */
export async function readRows<T>(query: Prisma.Sql): Promise<T[]> {
  return (await dbPool.query(query.text, query.values)).rows as T[];
}
