// Which database a script works on: DATABASE_URL when set, else the embedded one under the
// data dir (reusing the cluster of a running `npm start`, or starting it for the duration).
// Work that changes the schema (migrations, a restore) connects as the tables' owner:
// ROADBOOK_MIGRATE_DATABASE_URL when set (the two-role set-up of docs/operations.md).

import { clusterDir, dataDir, readRuntime } from "./data-dir.ts";
import { startEmbeddedDb } from "./embedded-db.ts";
import { migrateDeploy } from "./prisma-cli.ts";

/** The URL that migrations run on: the owner's (ROADBOOK_MIGRATE_DATABASE_URL) when set, else `databaseUrl`. */
export function migrationUrl(databaseUrl: string): string {
  return process.env.ROADBOOK_MIGRATE_DATABASE_URL || databaseUrl;
}

export async function openDatabase(
  options: { asOwner?: boolean } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: options.asOwner ? migrationUrl(external) : external, close: async () => {} };
  const dir = dataDir();
  const running = readRuntime(dir);
  if (running) return { url: running.databaseUrl, close: async () => {} };
  const db = await startEmbeddedDb(clusterDir(dir));
  migrateDeploy(db.url);
  return { url: db.url, close: db.stop };
}
