// The embedded default's data directory: the PostgreSQL cluster, the generated session
// secret, the demo accounts file, the first-run setup code (without the demo) and, while `npm start` runs, how to reach its database.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export function dataDir(): string {
  return path.resolve(process.env.ROADBOOK_DATA_DIR || ".data");
}

export const clusterDir = (dir: string) => path.join(dir, "pg");
export const demoAccountsFile = (dir: string) => path.join(dir, "demo-accounts.txt");
export const setupCodeFile = (dir: string) => path.join(dir, "setup-code");
const runtimeFile = (dir: string) => path.join(dir, "runtime.json");

/** The session secret: generated once, kept (mode 600) under the data dir. */
export function sessionSecret(dir: string): string {
  const file = path.join(dir, "secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

export function writeRuntime(dir: string, info: { databaseUrl: string; pid: number }): void {
  writeFileSync(runtimeFile(dir), JSON.stringify(info), { mode: 0o600 });
}

export function readRuntime(dir: string): { databaseUrl: string; pid: number } | null {
  try {
    const info = JSON.parse(readFileSync(runtimeFile(dir), "utf8")) as { databaseUrl: string; pid: number };
    process.kill(info.pid, 0); // throws when that `npm start` is gone
    return info;
  } catch {
    return null;
  }
}

export function clearRuntime(dir: string): void {
  rmSync(runtimeFile(dir), { force: true });
}
