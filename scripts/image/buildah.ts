// buildah with the test's own container storage (under the cache dir, never the host's default
// one): the overlay driver, natively when the kernel allows it, else through fuse-overlayfs.
// (The vfs driver copies every layer of a multi-stage build in full: about 60 GB for this
// Dockerfile.)
import { mkdirSync } from "node:fs";
import { STORAGE_ROOT, STORAGE_RUNROOT } from "./config.ts";
import { type ExecOptions, exec, execLoud } from "./exec.ts";

let storageFlags: string[] | null = null;

function flags(): string[] {
  if (storageFlags) return storageFlags;
  mkdirSync(STORAGE_ROOT, { recursive: true });
  mkdirSync(STORAGE_RUNROOT, { recursive: true });
  const common = ["--root", STORAGE_ROOT, "--runroot", STORAGE_RUNROOT, "--storage-driver", "overlay"];
  const fuse = [...common, "--storage-opt", "overlay.mount_program=/usr/bin/fuse-overlayfs"];
  const forced = process.env.ROADBOOK_IMAGE_STORAGE === "fuse-overlayfs";
  storageFlags = forced || !nativeOverlayWorks(common) ? fuse : common;
  return storageFlags;
}

/** Kernel overlay mounts need root and a backing filesystem that supports them: try one. */
function nativeOverlayWorks(common: string[]): boolean {
  try {
    const id = exec("buildah", [...common, "from", "scratch"], { quiet: true }).trim();
    try {
      exec("buildah", [...common, "mount", id], { quiet: true });
      return true;
    } finally {
      exec("buildah", [...common, "rm", id], { quiet: true });
    }
  } catch {
    return false;
  }
}

export function storageDriver(): string {
  return flags().includes("overlay.mount_program=/usr/bin/fuse-overlayfs") ? "overlay (fuse-overlayfs)" : "overlay";
}

export function buildah(args: string[], options?: ExecOptions): string {
  return exec("buildah", [...flags(), ...args], options);
}

export function buildahLoud(args: string[], options?: ExecOptions): void {
  execLoud("buildah", [...flags(), ...args], options);
}

/** The buildah command line (with the storage flags) for a process the caller spawns itself. */
export function buildahArgs(args: string[]): string[] {
  return [...flags(), ...args];
}

export function imageExists(name: string): boolean {
  try {
    buildah(["inspect", "--type", "image", "--format", "{{.FromImageID}}", name], { quiet: true });
    return true;
  } catch {
    return false;
  }
}

/** The image's uncompressed size in bytes: the sum of its layers (stored uncompressed, as tars). */
export function imageSize(name: string): number {
  const manifest = JSON.parse(
    buildah(["inspect", "--type", "image", "--format", "{{.Manifest}}", name], { quiet: true }),
  ) as { layers?: { size?: number }[] };
  const sizes = (manifest.layers ?? []).map((layer) => layer.size);
  if (sizes.length === 0 || !sizes.every((size) => typeof size === "number"))
    throw new Error(`no layer sizes for image ${name}`);
  return (sizes as number[]).reduce((sum, size) => sum + size, 0);
}
