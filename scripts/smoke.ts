// A smoke run of `npm start` on whichever Node.js runs this script (npm test runs it on Node 22,
// the older supported line): start on a fresh data dir (embedded PostgreSQL, migrations, demo
// portfolio, the production build), /api/health, sign in as the demo admin, one API call, stop.
// Needs the production build in .next. Writes a checks report when ROADBOOK_CHECKS_REPORT is set.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./lib/embedded-db.ts";
import { writeChecksReport } from "./lib/test-summary.ts";

const report = process.env.ROADBOOK_CHECKS_REPORT;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "roadbook-node-smoke-"));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const say = (line: string) => console.log(`smoke (Node ${process.versions.node}): ${line}`);

const { DATABASE_URL: _url, NEXTAUTH_SECRET: _secret, NODE_OPTIONS: _options, ...env } = process.env;
const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
  env: { ...env, ROADBOOK_DATA_DIR: dataDir, PORT: String(port) },
  stdio: ["ignore", "pipe", "pipe"],
});
let output = "";
child.stdout?.on("data", (chunk) => (output += chunk));
child.stderr?.on("data", (chunk) => (output += chunk));
const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));

const checks: [string, () => Promise<string>][] = [
  [
    "health",
    async () => {
      const deadline = Date.now() + 180_000;
      while (Date.now() < deadline) {
        const status = await fetch(`${base}/api/health`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) return "GET /api/health 200";
        if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${output}`);
        await new Promise((r) => setTimeout(r, 300));
      }
      throw new Error(`no healthy answer within 180 s:\n${output}`);
    },
  ],
  ["sign in and one API call", signInAndList],
];

let passed = 0;
let failed = 0;
let ran = 0;
try {
  for (const [name, check] of checks) {
    ran += 1;
    try {
      say(`✓ ${name}: ${await check()}`);
      passed += 1;
    } catch (error) {
      failed += 1;
      console.error(`smoke: ✗ ${name}: ${error instanceof Error ? error.message : error}`);
      break;
    }
  }
} finally {
  child.kill("SIGTERM");
  const code = await exited;
  if (code !== 0) {
    failed += 1;
    console.error(`smoke: ✗ npm start did not stop cleanly (exit ${code})`);
  }
  rmSync(dataDir, { recursive: true, force: true });
}
if (report) writeChecksReport(report, { passed, failed, skipped: checks.length - ran });
process.exit(failed ? 1 : 0);

async function signInAndList(): Promise<string> {
  const accounts = readFileSync(path.join(dataDir, "demo-accounts.txt"), "utf8");
  const [, email, password] = accounts.match(/ADMIN\s+(\S+)\s+(\S+)/) ?? [];
  if (!email || !password) throw new Error("no demo admin in demo-accounts.txt");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  const session = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c?.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${email} failed: HTTP ${signIn.status}`);
  const list = await fetch(`${base}/api/v1/use-cases?limit=5`, { headers: { cookie: [...jar, session].join("; ") } });
  const body = (await list.json()) as { items?: unknown[] };
  if (list.status !== 200 || !Array.isArray(body.items) || body.items.length === 0)
    throw new Error(`GET /api/v1/use-cases: HTTP ${list.status} ${JSON.stringify(body).slice(0, 200)}`);
  return `signed in as ${email}; GET /api/v1/use-cases 200 with ${body.items.length} use cases`;
}
