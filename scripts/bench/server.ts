// The benchmark's production server and its callers: the API tokens and sessions that drive it.
import { type ChildProcess, spawn } from "node:child_process";
import type pg from "pg";
import { hashToken } from "@/server/auth/api-tokens.ts";
import { withHeapCap } from "../lib/heap.ts";
import type { LoadUser } from "./mixed-load.ts";
import { BENCH_PASSWORD } from "./seed.ts";

/** API tokens: a business user (decides G1), an admin, and a pipeline's deploy:check token (IT). */
export const BENCH_TOKENS = {
  business: "rb_bench_business_token_0000000000000000",
  admin: "rb_bench_admin_token_00000000000000000000",
  deploy: "rb_bench_deploy_token_0000000000000000000",
};

export async function addBenchTokens(client: pg.Client): Promise<void> {
  for (const [user, token, scope] of [
    ["u1", BENCH_TOKENS.business, "READ_WRITE"],
    ["u4", BENCH_TOKENS.admin, "READ_WRITE"],
    ["u3", BENCH_TOKENS.deploy, "DEPLOY_CHECK"],
  ] as const) {
    await client.query(
      `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, scope, "expiresAt")
       VALUES ($1, $2, 'bench', $3, $4, $5::"ApiTokenScope", now() + interval '1 day')`,
      [`tok_${user}`, user, hashToken(token), token.slice(0, 10), scope],
    );
  }
}

/** The server's configuration in the bench (the app's own settings; the process's environment apart). */
export const benchServerSettings = (databaseUrl: string, base: string) => ({
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
  NEXTAUTH_URL: base,
  ROADBOOK_PROBE_INTERVAL_MINUTES: "0",
  // One token drives the load test at hundreds of requests a second: the per-token
  // limit stays on (its cost is measured) but high enough not to answer 429.
  ROADBOOK_API_RATE_LIMIT: "100000000",
});

/** `next start` of the production build on the throwaway database. */
export function spawnServer(databaseUrl: string, port: number): ChildProcess {
  const base = `http://127.0.0.1:${port}`;
  const { NODE_OPTIONS: _runner, ...env } = process.env;
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...env,
      ...benchServerSettings(databaseUrl, base),
      NEXT_TELEMETRY_DISABLED: "1",
      // As `npm start` and the image run it.
      NODE_OPTIONS: withHeapCap(undefined),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Resolves once the server answers its health check (about a minute at most). */
export async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; ; i++) {
    if (i > 120) throw new Error("the server did not start");
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The mixed load's simulated users: admins (they may write on any use case), each with a token and a session. */
export async function loadUsers(client: pg.Client, base: string, count: number): Promise<LoadUser[]> {
  const passwordHash = (await client.query<{ h: string }>(`SELECT "passwordHash" h FROM "User" WHERE id = 'u1'`))
    .rows[0]?.h;
  const users: LoadUser[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `load${i}`;
    const token = `rb_bench_load_${String(i).padStart(4, "0")}_token_000000000000000`;
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", team, "updatedAt")
       VALUES ($1, $2, $3, 'ADMIN', $4, 'Retail', now())`,
      [id, `${id}@bench.test`, `Load user ${i}`, passwordHash],
    );
    await client.query(
      `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, scope, "expiresAt")
       VALUES ($1, $2, 'bench load', $3, $4, 'READ_WRITE', now() + interval '1 day')`,
      [`tok_${id}`, id, hashToken(token), token.slice(0, 10)],
    );
    users.push({ id, token, cookie: await signIn(base, `${id}@bench.test`) });
  }
  return users;
}

export async function signIn(base: string, email: string): Promise<string> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const jar = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password: BENCH_PASSWORD, csrfToken, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c?.includes("session-token"));
  if (!session) throw new Error(`sign-in failed: ${response.status}`);
  return [...jar, session].join("; ");
}
