// Is an error "the database does not answer" (down, restarting, unreachable) rather than a bug?
// Transports map it to something the user can act on: a 503 problem with Retry-After (API),
// a friendly line (server actions), a "database unavailable" state (error boundaries).
// No "server-only": the error boundaries (client components) read the digest below.

/** What the user is told while the database is unavailable. */
export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable; try again in a moment.";

/** Seconds a client should wait before trying again (the Retry-After of the 503). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The digest of a DatabaseUnavailableError. Next.js keeps a thrown error's own `digest` and
 * passes it to the error boundaries, while it replaces the message in production: the digest
 * is how a boundary recognises the cause.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "ROADBOOK_DATABASE_UNAVAILABLE";

/** An error safe to show, for a server component to throw when `isDatabaseUnavailable(cause)`. */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause?: unknown) {
    super(DATABASE_UNAVAILABLE_MESSAGE, { cause });
    this.name = "DatabaseUnavailableError";
  }
}

// Socket errors of node-postgres when the server is down or unreachable.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
// SQLSTATEs: 57P01 admin shutdown (a stop while connected), 57P02 crash shutdown, 57P03 cannot
// connect now (starting up or shutting down), 08xxx connection exceptions, 53300 too many connections.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// Prisma: P1001 can't reach the server, P1002 timed out reaching it, P1008 operation timed out,
// P1017 the server closed the connection, P2024 timed out getting a connection from the pool.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// The kinds @prisma/adapter-pg gives connection failures (meta.driverAdapterError.cause.kind).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// node-postgres and pg-pool errors without a code; and Prisma's P2028 when no pool connection
// came free within the transaction's maxWait (nothing was written: a busy database, retry).
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Can't reach database server|Server has closed the connection|Unable to start a transaction in the given time/i;

/**
 * True when `error` (or what it wraps: `cause`, Prisma's `meta.driverAdapterError`) says the
 * database is not answering. Observed with embedded PostgreSQL stopped: Prisma throws
 * P1001 (or P2010 for raw queries) with adapter kind DatabaseNotReachable; a query in flight
 * at the stop gets 57P01; the pg pool (readRows) throws ECONNREFUSED.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== "object") return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const e = error as {
    code?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
    errors?: unknown;
  };
  for (const code of [e.code, e.originalCode]) {
    if (typeof code !== "string") continue;
    if (SOCKET_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code) || code.startsWith("08")) return true;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}
