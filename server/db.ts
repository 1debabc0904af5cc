import "server-only";
import { createPrismaClient, type PrismaClient } from "../prisma/client";

// One client per process (kept on globalThis so dev reloads do not open new pools).
const globalForPrisma = globalThis as { roadbookPrisma?: PrismaClient };

globalForPrisma.roadbookPrisma ??= createPrismaClient(process.env.DATABASE_URL);
export const db: PrismaClient = globalForPrisma.roadbookPrisma;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
