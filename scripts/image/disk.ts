// Disk use: what the test's storage holds, and what the filesystem has free before a build.
import { spawnSync } from "node:child_process";
import { statfsSync } from "node:fs";

/** Bytes under `dir`. du still prints its total when a file vanished under it (another run's build): read it anyway. */
export function duBytes(dir: string): number {
  const result = spawnSync("du", ["-sxb", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return Number(result.stdout?.split(/\s/)[0]) || 0;
}

export function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

export const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
