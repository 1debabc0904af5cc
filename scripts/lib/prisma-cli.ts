// Runs the project's Prisma CLI (Rust-free: no native engine download, see docs/toolchain.md) against a database.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const prismaBin = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");

export function prisma(args: string[], databaseUrl: string, options: { quiet?: boolean } = {}): string {
  const result = spawnSync(process.execPath, [prismaBin, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new Error(`prisma ${args.join(" ")} failed:\n${output}`);
  }
  if (!options.quiet && result.stderr?.trim()) process.stderr.write(result.stderr);
  return result.stdout ?? "";
}

/** Apply every pending migration in prisma/migrations. */
export function migrateDeploy(databaseUrl: string): void {
  prisma(["migrate", "deploy"], databaseUrl, { quiet: true });
}
