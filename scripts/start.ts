// npm start: PostgreSQL (embedded unless DATABASE_URL is set), migrations, build when
// missing, demo portfolio on the first embedded start, then the web server. Ctrl-C or
// SIGTERM stops the web server, then PostgreSQL, cleanly.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createPrismaClient } from "@/prisma/client.ts";
import { seedDemoPortfolio } from "@/prisma/seed/demo-portfolio.ts";
import { readEnv } from "@/server/env.ts";
import {
  clearRuntime,
  clusterDir,
  dataDir,
  demoAccountsFile,
  sessionSecret,
  setupCodeFile,
  writeRuntime,
} from "./lib/data-dir.ts";
import { migrationUrl } from "./lib/database.ts";
import { type EmbeddedDb, startEmbeddedDb } from "./lib/embedded-db.ts";
import { withHeapCap } from "./lib/heap.ts";
import { warnIfUnsupportedNode } from "./lib/node-version.ts";
import { migrateDeploy } from "./lib/prisma-cli.ts";

const require = createRequire(import.meta.url);
const nextBin = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
const dev = process.argv.includes("--dev");

let web: ChildProcess | undefined;
let db: EmbeddedDb | undefined;
let stopping = false;

function fail(message: string): never {
  console.error(`roadbook: ${message}`);
  process.exit(1);
}

// The whole configuration first (server/env.ts), before PostgreSQL or a build: a bad value stops
// here with the line the server would print. The database URL and secret may be made below.
const config = (() => {
  try {
    return readEnv(process.env);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();
const port = config.PORT;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (web && web.exitCode === null && web.signalCode === null) {
      const exited = new Promise((resolve) => web?.once("exit", resolve));
      web.kill("SIGTERM");
      const timer = setTimeout(() => web?.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (db) {
      await db.stop();
      clearRuntime(dataDir());
      console.log("roadbook: stopped; the data is kept for the next start.");
    }
  }
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void shutdown(0));
}

async function prepareDatabase(): Promise<{
  databaseUrl: string;
  secret: string;
  seed: boolean;
  accountsFile?: string;
}> {
  if (config.DATABASE_URL) {
    const secret = config.NEXTAUTH_SECRET ?? "";
    if (secret.length < 32) {
      fail(
        "NEXTAUTH_SECRET must be set to at least 32 random characters when DATABASE_URL is set (try: openssl rand -base64 48).",
      );
    }
    return { databaseUrl: config.DATABASE_URL, secret, seed: config.ROADBOOK_SEED_DEMO === "1" };
  }
  const dir = dataDir();
  console.log(`roadbook: starting the embedded PostgreSQL in ${dir}`);
  db = await startEmbeddedDb(clusterDir(dir));
  writeRuntime(dir, { databaseUrl: db.url, pid: process.pid });
  return {
    databaseUrl: db.url,
    secret: config.NEXTAUTH_SECRET ?? sessionSecret(dir),
    seed: config.ROADBOOK_SEED_DEMO !== "0",
    accountsFile: demoAccountsFile(dir),
  };
}

async function seedOnFirstStart(databaseUrl: string, accountsFile: string | undefined): Promise<void> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    if ((await prisma.user.count()) > 0) {
      if (accountsFile && existsSync(accountsFile))
        console.log(`roadbook: demo accounts are listed in ${accountsFile}`);
      return;
    }
    const { accounts, useCases } = await seedDemoPortfolio(prisma);
    const lines = accounts.map((a) => `${a.role.padEnd(15)} ${a.email.padEnd(30)} ${a.password}`);
    if (accountsFile) writeFileSync(accountsFile, `${lines.join("\n")}\n`, { mode: 0o600 });
    console.log(
      `roadbook: loaded the demo portfolio (${useCases} use cases). Demo accounts (shown once${accountsFile ? `, kept in ${accountsFile}` : ""}):`,
    );
    for (const line of lines) console.log(`  ${line}`);
  } finally {
    await prisma.$disconnect();
  }
}

async function waitForHealth(url: string, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function main(): Promise<void> {
  warnIfUnsupportedNode();
  const { databaseUrl, secret, seed, accountsFile } = await prepareDatabase();
  // As the tables' owner when ROADBOOK_MIGRATE_DATABASE_URL is set (two database roles); the
  // web server and the demo seed use DATABASE_URL.
  migrateDeploy(db ? databaseUrl : migrationUrl(databaseUrl));
  if (seed) await seedOnFirstStart(databaseUrl, accountsFile);

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // With no user yet, the server writes the first-run setup code here too (embedded default only).
    ...(accountsFile ? { ROADBOOK_SETUP_CODE_FILE: setupCodeFile(dataDir()) } : {}),
  };
  if (!dev && !existsSync(path.resolve(".next", "BUILD_ID"))) {
    console.log("roadbook: no production build yet; building (a minute or two, once)...");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
    if (build.status !== 0) {
      console.error("roadbook: the build failed.");
      await shutdown(1);
    }
  }
  web = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
    // The production server's heap is capped (scripts/lib/heap.ts); the dev server compiles, so not it.
    env: dev ? env : { ...env, NODE_OPTIONS: withHeapCap(process.env.NODE_OPTIONS) },
  });
  web.stdout?.on("data", (chunk: Buffer) => {
    if (config.ROADBOOK_VERBOSE) process.stdout.write(chunk);
  });
  web.on("exit", (code) => {
    if (!stopping) {
      console.error(`roadbook: the web server exited (code ${code}).`);
      void shutdown(code || 1);
    }
  });
  if (await waitForHealth(`http://127.0.0.1:${port}/api/health`)) {
    console.log(`roadbook: ready on http://localhost:${port}  (Ctrl-C to stop)`);
  } else if (!stopping) {
    console.error("roadbook: the web server did not become healthy within 60 s.");
    await shutdown(1);
  }
}

main().catch(async (error: unknown) => {
  console.error(`roadbook: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
