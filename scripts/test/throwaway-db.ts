// A real, throwaway PostgreSQL for the test suites: a fresh cluster in a temporary
// directory (never the .data one), migrated, removed afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDb } from "../lib/embedded-db.ts";
import { migrateDeploy } from "../lib/prisma-cli.ts";

export async function startThrowawayDb(
  label: string,
  options: { log?: (line: string) => void } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const root = mkdtempSync(path.join(os.tmpdir(), `roadbook-${label}-`));
  const db = await startEmbeddedDb(path.join(root, "pg"), options);
  migrateDeploy(db.url);
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Tests refuse to run against anything but a local database. */
export function assertLocalDatabase(url: string | undefined): string {
  if (!url || !/@(127\.0\.0\.1|localhost):/.test(url))
    throw new Error(`Refusing to test against a non-local database: ${url}`);
  return url;
}
