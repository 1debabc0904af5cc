// npm run test:image: build the production image from the Dockerfile and run it, without a
// Docker daemon (docs/operations.md, "Build without Docker"). Installs what it lacks from Debian (buildah, debootstrap,
// fuse-overlayfs), makes and caches the local base image (scripts/image/base-image.ts), builds
// the Dockerfile with buildah, then runs the image with `buildah run --isolation chroot
// --network host` against an empty embedded PostgreSQL and proves what scripts/image/checks.ts
// lists. Prints each step as "✓ name (N s)"; writes a checks report when ROADBOOK_CHECKS_REPORT
// is set (npm test counts it). Removes the image, the container and the database afterwards;
// keeps only the caches (the base image and the build layers, under ~/.cache/roadbook-image).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBaseImages } from "./image/base-image.ts";
import { buildAppImage, caBundle } from "./image/build-app.ts";
import { buildah, imageExists, imageSize, storageDriver } from "./image/buildah.ts";
import { imageChecks } from "./image/checks.ts";
import { APP_IMAGE, baseImageNames, CACHE_DIR, LAYER_CACHE_LIMIT_BYTES, STORAGE_ROOT } from "./image/config.ts";
import { AppContainer } from "./image/container.ts";
import { duBytes, freeBytes, gb, mb } from "./image/disk.ts";
import { ensureHostTools } from "./image/host-tools.ts";
import { type EmbeddedDb, startEmbeddedDb } from "./lib/embedded-db.ts";
import { writeChecksReport } from "./lib/test-summary.ts";

const CHECKS = 7;
/** A cold build peaked at 6.1 GB in the storage; refuse to start with less than this free. */
const MIN_FREE_BYTES = 8 * 1024 ** 3;
const report = process.env.ROADBOOK_CHECKS_REPORT;
const say = (line: string) => console.log(`image: ${line}`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

let passed = 0;
let failed = 0;
let container: AppContainer | undefined;
let db: EmbeddedDb | undefined;
let dbRoot: string | undefined;
let cleanedUp = false;

async function step<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await fn();
  say(`✓ ${name} (${seconds(started)})`);
  return value;
}

async function main(): Promise<void> {
  const started = performance.now();
  const installed = await step("host tools (buildah, debootstrap, fuse-overlayfs)", ensureHostTools);
  if (installed.length) say(`installed from Debian: ${installed.join(", ")}`);
  const free = freeBytes(os.homedir());
  if (free < MIN_FREE_BYTES)
    throw new Error(`${gb(free)} free under ${os.homedir()}; the build needs about ${gb(MIN_FREE_BYTES)}`);
  say(`storage: ${storageDriver()} in ${STORAGE_ROOT} (${gb(duBytes(STORAGE_ROOT))} cached, ${gb(free)} free)`);

  const bases = baseImageNames();
  const made = await step("base images", () => ensureBaseImages(bases));
  for (const base of bases) say(`${made.includes(base) ? "made" : "cached"} ${base}: ${mb(imageSize(base))}`);

  const ca = caBundle();
  say(
    ca ? `npm's CA bundle goes in as the build secret "ca": ${ca}` : "no extra CA bundle: building without the secret",
  );
  await step("build the Dockerfile", () => buildAppImage(APP_IMAGE, ca));
  const size = imageSize(APP_IMAGE);
  say(`image size: ${mb(size)} uncompressed (target ≤ 300 MB); storage now ${gb(duBytes(STORAGE_ROOT))}`);

  dbRoot = mkdtempSync(path.join(os.tmpdir(), "roadbook-image-"));
  db = await step("empty PostgreSQL (embedded)", () => startEmbeddedDb(path.join(dbRoot as string, "pg")));
  container = AppContainer.create(APP_IMAGE);
  for (const check of await imageChecks(container, db.url)) {
    const checkStarted = performance.now();
    try {
      const detail = await check.run();
      passed += 1;
      say(`✓ ${check.name} (${seconds(checkStarted)}): ${detail}`);
    } catch (error) {
      // Go on: each later check stands or fails on its own, so the count is the real one.
      failed += 1;
      say(`✗ ${check.name} (${seconds(checkStarted)})`);
      console.error(error instanceof Error ? error.message : error);
    }
  }
  say(`${passed} of ${CHECKS} checks held (${seconds(started)} in all)`);
}

/** Everything but the caches goes: the container, the app image, the database; then the layer cache if too big. */
async function cleanup(): Promise<void> {
  if (cleanedUp) return;
  cleanedUp = true;
  const attempt = async (what: string, fn: () => unknown) => {
    try {
      await fn();
    } catch (error) {
      console.error(`image: cleanup: ${what}: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
    }
  };
  await attempt("container", () => container?.remove());
  await attempt("database", () => db?.stop());
  if (dbRoot) rmSync(dbRoot, { recursive: true, force: true });
  // ROADBOOK_IMAGE_KEEP=1 keeps the built image, to look into it (buildah mount, du).
  if (process.env.ROADBOOK_IMAGE_KEEP === "1") say(`kept the image ${APP_IMAGE} (ROADBOOK_IMAGE_KEEP=1)`);
  else await attempt("app image", () => imageExists(APP_IMAGE) && buildah(["rmi", APP_IMAGE], { quiet: true }));
  const cached = duBytes(STORAGE_ROOT);
  if (cached > LAYER_CACHE_LIMIT_BYTES) {
    await attempt("layer cache", () => buildah(["rmi", "--prune"], { quiet: true }));
    say(`layer cache over ${gb(LAYER_CACHE_LIMIT_BYTES)}: pruned (${gb(cached)} → ${gb(duBytes(STORAGE_ROOT))})`);
  } else say(`kept the caches in ${CACHE_DIR}: ${gb(cached)}`);
}

const writeReport = () => {
  if (report) writeChecksReport(report, { passed, failed, skipped: CHECKS - passed - failed });
};

// A developer's machine without root or room for a build can skip it; CI never sets this.
if (process.env.ROADBOOK_SKIP_IMAGE_TEST === "1") {
  say(`· skipped: ROADBOOK_SKIP_IMAGE_TEST=1 (${CHECKS} checks counted as skipped)`);
  writeReport();
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    console.error(`image: ✗ interrupted by ${signal}`);
    failed = CHECKS - passed;
    writeReport();
    await cleanup();
    process.exit(130);
  });
}

try {
  await main();
} catch (error) {
  console.error(`image: ✗ ${error instanceof Error ? error.message : error}`);
} finally {
  await cleanup();
}
// A check that never ran (no image, no database) did not hold: it counts as failed.
failed = CHECKS - passed;
writeReport();
process.exit(failed ? 1 : 0);
