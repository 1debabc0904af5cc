// The one way to make a Prisma client (Rust-free, pg driver adapter). The app uses the
// singleton in server/db.ts; scripts and tests make their own for the database they target.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";

/** The connection pool of a process: ROADBOOK_DB_POOL_SIZE connections at most (default 10). */
export function createPool(connectionString: string | undefined): pg.Pool {
  const size = Number(process.env.ROADBOOK_DB_POOL_SIZE ?? 10);
  const pool = new pg.Pool({ connectionString, max: Number.isInteger(size) && size > 0 ? size : 10 });
  // An idle connection that the server closes (a restart, a failover) emits "error" on the
  // pool: without a listener Node would crash the process. The pool drops it and reconnects.
  pool.on("error", (error) => console.error(`database connection lost (the pool replaces it): ${error.message}`));
  pool.on("connect", serialiseQueries);
  return pool;
}

/**
 * A transaction's queries share one connection, and Prisma issues some of them at once (the
 * relations of an `include`, Promise.all inside a transaction). node-postgres queues them
 * itself but deprecates that ("client.query() when the client is already executing a query",
 * removed in pg 9), so each connection runs its promise queries one after another here, in the
 * order they were asked for: what pg did, without relying on it.
 */
function serialiseQueries(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    // Callback and Submittable forms (the pool's own query, cursors) are left as they are.
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args.at(-1) === "function" || typeof first?.submit === "function") return query(...args);
    const result = tail.then(() => query(...args));
    tail = result.catch(() => undefined);
    return result;
  }) as typeof client.query;
}

/** A client on its own pool (scripts, tests), or on the given one (the app, which watches its pool). */
export function createPrismaClient(connectionString: string | undefined, pool?: pg.Pool): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg(pool ?? createPool(connectionString)),
    // Under load a transaction may wait for a free pool connection: 10 s, not Prisma's 2 s
    // (50 concurrent users on a pool of 10 got P2028 errors with the default; test:resilience).
    transactionOptions: { maxWait: 10_000 },
  });
}

export type { PrismaClient };
