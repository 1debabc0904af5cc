// Disk use: what the test's storage holds, and what the filesystem has free before a build.
import { statfsSync } from "node:fs";
import { exec } from "./exec.ts";

export function duBytes(dir: string): number {
  try {
    return Number(exec("du", ["-sxb", dir], { quiet: true }).split(/\s/)[0]) || 0;
  } catch {
    return 0;
  }
}

export function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

export const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
