import "server-only";
import type pg from "pg";
import { createPool, createPrismaClient, type PrismaClient } from "../prisma/client";

// One pool and one client per process (kept on globalThis so dev reloads do not open new pools).
const globalForPrisma = globalThis as { roadbookPrisma?: PrismaClient; roadbookPool?: pg.Pool };

globalForPrisma.roadbookPool ??= createPool(process.env.DATABASE_URL);
globalForPrisma.roadbookPrisma ??= createPrismaClient(process.env.DATABASE_URL, globalForPrisma.roadbookPool);
export const db: PrismaClient = globalForPrisma.roadbookPrisma;
/** The pool under `db`, for its metrics. */
export const dbPool: pg.Pool = globalForPrisma.roadbookPool;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
