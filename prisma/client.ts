// The one way to make a Prisma client (Rust-free, pg driver adapter). The app uses the
// singleton in server/db.ts; scripts and tests make their own for the database they target.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export function createPrismaClient(connectionString: string | undefined): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

export type { PrismaClient };
