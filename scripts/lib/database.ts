// Which database a script works on: DATABASE_URL when set, else the embedded one under the
// data dir (reusing the cluster of a running `npm start`, or starting it for the duration).

import { clusterDir, dataDir, readRuntime } from "./data-dir.ts";
import { startEmbeddedDb } from "./embedded-db.ts";
import { migrateDeploy } from "./prisma-cli.ts";

export async function openDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, close: async () => {} };
  const dir = dataDir();
  const running = readRuntime(dir);
  if (running) return { url: running.databaseUrl, close: async () => {} };
  const db = await startEmbeddedDb(clusterDir(dir));
  migrateDeploy(db.url);
  return { url: db.url, close: db.stop };
}
