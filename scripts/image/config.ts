// What `npm run test:image` builds and where it keeps its caches (outside the clone, so a fresh
// clone on the same machine reuses them). The Node.js and npm versions are the platform's
// (.ci/run, Dockerfile): the local base image stands in for the Dockerfile's FROM image.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const NODE_VERSION = "24.22.3";
export const NPM_VERSION = "11.19.1";
export const DEBIAN_SUITE = "bookworm";
export const DEBIAN_MIRROR = process.env.ROADBOOK_DEBIAN_MIRROR ?? "http://deb.debian.org/debian";

/**
 * The image the test builds from the Dockerfile; removed after the run. Tagged per run, so two runs
 * sharing the cache on one machine never remove each other's image.
 */
export const APP_IMAGE = `localhost/roadbook-image-test:run-${process.pid}`;

/** Caches: the container storage (base image and build layers) and the working files. */
export const CACHE_DIR = process.env.ROADBOOK_IMAGE_CACHE ?? path.join(os.homedir(), ".cache", "roadbook-image");
export const STORAGE_ROOT = path.join(CACHE_DIR, "storage");
export const STORAGE_RUNROOT = path.join(CACHE_DIR, "run");
/**
 * buildah's TMPDIR while it builds: the Dockerfile's cache mounts (npm's cache, .next/cache) live
 * in its buildah-cache folder, so they stay with the other caches (not in /var/tmp).
 */
export const BUILD_TMPDIR = path.join(CACHE_DIR, "tmp");
/** Above this, the build-layer cache is pruned after the run (the base image stays). */
export const LAYER_CACHE_LIMIT_BYTES = 8 * 1024 ** 3;

/**
 * The images the Dockerfile builds FROM (not its own stages), as the fully qualified names buildah
 * resolves: e.g. docker.io/library/node:24.22-bookworm-slim and docker.io/library/debian:bookworm-slim.
 */
export function baseImageNames(dockerfile = "Dockerfile"): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  for (const line of readFileSync(dockerfile, "utf8").split("\n")) {
    const match = line.match(/^FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i);
    if (!match?.[1]) continue;
    const image = match[1];
    if (!stages.has(image.toLowerCase()) && !images.includes(qualify(image))) images.push(qualify(image));
    if (match[2]) stages.add(match[2].toLowerCase());
  }
  if (images.length === 0) throw new Error(`${dockerfile} has no FROM line`);
  return images;
}

/** node:24 → docker.io/library/node:24 (what `FROM node:24` resolves to with --pull=never). */
export function qualify(image: string): string {
  const [first, ...rest] = image.split("/");
  const hasRegistry = rest.length > 0 && first !== undefined && /[.:]|^localhost$/.test(first);
  if (hasRegistry) return image;
  return rest.length === 0 ? `docker.io/library/${image}` : `docker.io/${image}`;
}
