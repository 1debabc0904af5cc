// What running the built image proves, each a named check, in order, on one working
// container and one local PostgreSQL (embedded, empty: the image migrates it itself).
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import pg from "pg";
import { freePort } from "../lib/embedded-db.ts";
import type { AppContainer, Env } from "./container.ts";
import { createFirstAdmin, listUseCases, setupActionId, setupCodeFrom, signIn } from "./sign-in.ts";

export type Check = { name: string; run: () => Promise<string> };

/** Writable to the app, besides .next/cache: the world-writable temporary directories of any Debian root. */
const STICKY_TEMP_DIRS = new Set(["/tmp", "/var/tmp", "/run/lock", "/var/lock", "/dev/shm"]);

export async function imageChecks(container: AppContainer, databaseUrl: string): Promise<Check[]> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const secret = randomBytes(36).toString("base64");
  const env: Env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: base,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
  };
  const migrations = readdirSync("prisma/migrations", { withFileTypes: true }).filter((entry) =>
    entry.isDirectory(),
  ).length;
  const admin = {
    email: `admin-${randomUUID().slice(0, 8)}@image-test.example`,
    // The password policy refuses one that contains the email or the name.
    password: `Harbour lantern ${randomUUID()}`,
  };

  const refuses = (vars: Env, expected: RegExp) => {
    const result = container.run(["/bin/sh", "/app/deploy/docker-entrypoint.sh"], vars, { timeoutMs: 60_000 });
    if (result.status !== 1 || !expected.test(result.output))
      throw new Error(`expected exit 1 and ${expected}, got exit ${result.status}: ${result.output.slice(-500)}`);
    return `exit 1: ${result.output.split("\n").find((line) => line.startsWith("roadbook:"))}`;
  };

  const start = async () => {
    container.start(env);
    await waitForHealth(container, base);
  };

  return [
    {
      name: "refuses to start without DATABASE_URL",
      run: async () => refuses({ NEXTAUTH_SECRET: secret }, /roadbook: DATABASE_URL is not set/),
    },
    {
      name: "refuses a NEXTAUTH_SECRET shorter than 32 characters",
      run: async () => {
        const message = refuses({ DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret.slice(0, 31) }, /at least 32/);
        const applied = await appliedMigrations(databaseUrl);
        if (applied !== 0) throw new Error(`the refused start touched the database: ${applied} migrations applied`);
        return message;
      },
    },
    {
      name: "applies the migrations and /api/health answers 200",
      run: async () => {
        await start();
        const applied = await appliedMigrations(databaseUrl);
        if (applied !== migrations)
          throw new Error(`${applied} of ${migrations} migrations applied:\n${container.output}`);
        return `${applied} migrations applied; GET /api/health 200`;
      },
    },
    {
      name: "the server runs as uid 10001",
      run: async () => {
        const processes = container.processes();
        // Next's standalone server renames its process "next-server (v…)".
        const server = processes.find((p) => /server\.js|next-server/.test(p.command));
        if (!server) throw new Error(`no server process among ${JSON.stringify(processes)}`);
        const notApp = processes.filter((p) => p.uid !== 10001);
        if (server.uid !== 10001 || notApp.length)
          throw new Error(`uids: ${processes.map((p) => `${p.command} ${p.uid}`).join(", ")}`);
        return `pid ${server.pid} (${server.command}) uid ${server.uid}`;
      },
    },
    {
      name: "an admin made by the first-run setup signs in over HTTP and the API answers",
      run: async () => {
        const manifest = container.run(["cat", "/app/.next/server/server-reference-manifest.json"]);
        if (manifest.status !== 0) throw new Error(`no server-reference manifest in the image: ${manifest.output}`);
        await createFirstAdmin(base, setupActionId(manifest.output), setupCodeFrom(container.output), admin);
        const cookie = await signIn(base, admin);
        const count = await listUseCases(base, cookie);
        return `setup code from the log → /setup → signed in as ${admin.email}; GET /api/v1/use-cases 200 (${count} items)`;
      },
    },
    {
      name: "the app cannot write outside .next/cache",
      run: async () => {
        // As the image's user (the server's uid): every writable path on the image's filesystem.
        const found = container.run(
          ["find", "/", "-xdev", "-writable", "-prune", "-print"],
          {},
          { timeoutMs: 120_000 },
        );
        // stdout only: find reports the directories it may not read ("find: '/root': Permission denied") on stderr.
        const writable = found.stdout
          .split("\n")
          .map((line) => line.trim())
          .filter((line) => line.startsWith("/") && !STICKY_TEMP_DIRS.has(line));
        if (writable.join(",") !== "/app/.next/cache") throw new Error(`writable: ${writable.join(", ") || "nothing"}`);
        // And a real write: into the cache, yes; into the app, no.
        const probe = container.run([
          "node",
          "-e",
          `const fs = require("node:fs"); const ok = (f) => { try { fs.writeFileSync(f, "x"); fs.rmSync(f); return true; } catch { return false; } };
           process.stdout.write(JSON.stringify({ cache: ok("/app/.next/cache/probe"), app: ok("/app/probe"), server: ok("/app/server.js"), modules: ok("/app/node_modules/probe") }));`,
        ]);
        const result = JSON.parse(probe.output.trim().split("\n").at(-1) ?? "{}") as Record<string, boolean>;
        if (!result.cache || result.app || result.server || result.modules) throw new Error(`writes: ${probe.output}`);
        return `as uid 10001 only /app/.next/cache is writable (plus ${[...STICKY_TEMP_DIRS].slice(0, 2).join(", ")})`;
      },
    },
    {
      name: "a second start on the same database applies nothing and starts",
      run: async () => {
        const code = await container.stop();
        if (code !== 0 && code !== 143 && code !== null) throw new Error(`the server stopped with exit ${code}`);
        await start();
        if (!/No pending migrations to apply/.test(container.output))
          throw new Error(`prisma migrate deploy did not report "No pending migrations":\n${container.output}`);
        const applied = await appliedMigrations(databaseUrl);
        if (applied !== migrations) throw new Error(`${applied} migrations recorded, expected ${migrations}`);
        const cookie = await signIn(base, admin);
        await listUseCases(base, cookie);
        return `no pending migrations; GET /api/health 200; the admin still signs in`;
      },
    },
  ];
}

async function waitForHealth(container: AppContainer, base: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const status = await fetch(`${base}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (!container.running) throw new Error(`the container exited:\n${container.output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no healthy answer within 180 s:\n${container.output.slice(-3000)}`);
}

async function appliedMigrations(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('public._prisma_migrations') AS t");
    if (!table.rows[0]?.t) return 0;
    const result = await client.query(
      "SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    return result.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}
