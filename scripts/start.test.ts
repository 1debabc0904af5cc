import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./lib/embedded-db";

// `npm start` on a fresh data dir: real embedded PostgreSQL, migrations, demo seed,
// the production server; SIGTERM stops everything and leaves no postgres behind.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "roadbook-smoke-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function postgresProcessesFor(dir: string): string[] {
  const ps = spawnSync("ps", ["-eo", "pid,args"], { encoding: "utf8" }).stdout;
  return ps.split("\n").filter((line) => line.includes(path.join(dir, "pg")) && line.includes("postgres"));
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

describe("npm start", () => {
  it("stops before PostgreSQL with one line when a variable is bad, never echoing a secret", async () => {
    const { DATABASE_URL: _ignored, NEXTAUTH_SECRET: _secret, ...env } = process.env;
    const badDir = path.join(dataDir, "never-made");
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
      env: {
        ...env,
        ROADBOOK_DATA_DIR: badDir,
        ROADBOOK_PROBE_INTERVAL_MINUTES: "often",
        NEXTAUTH_SECRET: "short-s3cret",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(1);
    expect(output).toBe(
      'roadbook: Configuration error: NEXTAUTH_SECRET is invalid (value not shown); expected at least 32 random characters (openssl rand -base64 48). ROADBOOK_PROBE_INTERVAL_MINUTES="often" is invalid; expected a whole number of minutes from 0 to 1440 (0: no probe rounds).\n',
    );
    expect(existsSync(badDir)).toBe(false);
  });

  it("starts on a fresh data dir, serves health, and stops cleanly on SIGTERM", { timeout: 240_000 }, async () => {
    const port = await freePort();
    const { DATABASE_URL: _ignored, NEXTAUTH_SECRET: _secret, ...env } = process.env;
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
      env: { ...env, ROADBOOK_DATA_DIR: dataDir, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    const healthy = await waitFor(
      async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200,
      180_000,
    );
    expect(healthy, output).toBe(true);
    expect(await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()).toEqual({ status: "ok" });
    // npm start says so once its own health poll (every 250 ms) sees the server: wait for that line.
    expect(await waitFor(async () => output.includes(`ready on http://localhost:${port}`), 10_000), output).toBe(true);
    expect(output).toContain("datascientist@roadbook.demo");
    // The demo has users: no first-run setup code is issued.
    expect(output).not.toContain("setup code");
    expect(existsSync(path.join(dataDir, "setup-code"))).toBe(false);
    expect(readFileSync(path.join(dataDir, "demo-accounts.txt"), "utf8")).toMatch(
      /ADMIN\s+admin@roadbook\.demo\s+\S{12,}/,
    );
    expect(existsSync(path.join(dataDir, "secret"))).toBe(true);
    // The generated session secret and the demo passwords are readable by their owner only.
    expect(statSync(path.join(dataDir, "secret")).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dataDir, "demo-accounts.txt")).mode & 0o777).toBe(0o600);
    expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
    expect(
      await fetch(`http://127.0.0.1:${port}/api/health`).then(
        () => "up",
        () => "down",
      ),
    ).toBe("down");
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
  });
});
