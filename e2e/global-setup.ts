// Starts what the end-to-end tests run against: a throwaway PostgreSQL and the production
// build (`next start`). Workers inherit DATABASE_URL to seed through the factories.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { startGraphServer } from "../scripts/test/graph-server";
import { startThrowawayDb } from "../scripts/test/throwaway-db";
import { graphGroupsOf, startOidcServer } from "./oidc-server";

const require = createRequire(import.meta.url);

export default async function globalSetup(config: FullConfig) {
  if (!existsSync(path.resolve(".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npx next build` first (npm test does).");
  }
  const baseURL = config.projects[0]?.use.baseURL ?? "http://127.0.0.1:3210";
  const port = new URL(baseURL).port;
  const db = await startThrowawayDb("e2e");
  process.env.DATABASE_URL = db.url;
  // A local OpenID Connect provider for the single sign-on tests (password sign-in stays on).
  const oidc = await startOidcServer(baseURL);
  process.env.E2E_OIDC_ISSUER = oidc.issuer;
  // Microsoft Graph's stand-in, for an Entra ID user with too many groups for the token.
  const graph = await startGraphServer(() => graphGroupsOf());
  const nextBin = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
  let log = "";
  // The test runner runs with --conditions=react-server (for server-only factories); the
  // Next.js server must not inherit it.
  const { NODE_OPTIONS: _runnerOptions, ...inherited } = process.env;
  const server: ChildProcess = spawn(
    process.execPath,
    // Idle keep-alive sockets stay open longer than Node's 5 s default: a test's request context
    // reusing one just as the server closed it read ECONNRESET (seen once in CI).
    [nextBin, "start", "-p", port, "-H", "127.0.0.1", "--keepAliveTimeout", "65000"],
    {
      env: {
        ...inherited,
        DATABASE_URL: db.url,
        NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        NEXTAUTH_URL: baseURL,
        NEXT_TELEMETRY_DISABLED: "1",
        // No background probe rounds (tests check on demand); probes may reach test servers on this machine.
        ROADBOOK_PROBE_INTERVAL_MINUTES: "0",
        ROADBOOK_PROBE_ALLOW: "127.0.0.1/32",
        ROADBOOK_METRICS_TOKEN: "e2e-metrics-token",
        ...oidc.env,
        ROADBOOK_OIDC_GRAPH_URL: graph.url,
        ROADBOOK_PASSWORD_LOGIN: "on",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => {
    log += chunk;
    process.stderr.write(chunk);
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseURL}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (server.exitCode !== null) throw new Error(`next start exited:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return async () => {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
    await oidc.stop();
    await graph.stop();
    await db.stop();
  };
}
