// The Debian packages the daemonless build needs: buildah (build and run images, chroot
// isolation), debootstrap (the base image's root filesystem) and fuse-overlayfs (overlay
// storage where the kernel's overlay cannot be used). Installed when missing, as root.
import { exec, hasCommand, StepFailed } from "./exec.ts";

const TOOLS: [command: string, pkg: string][] = [
  ["buildah", "buildah"],
  ["debootstrap", "debootstrap"],
  ["fuse-overlayfs", "fuse-overlayfs"],
];

export function ensureHostTools(): string[] {
  const missing = TOOLS.filter(([command]) => !hasCommand(command)).map(([, pkg]) => pkg);
  if (missing.length === 0) return [];
  if (process.getuid?.() !== 0)
    throw new StepFailed(`missing Debian packages and this is not root: apt-get install ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  exec("apt-get", ["update", "-qq"], { env, quiet: true });
  exec("apt-get", ["install", "-y", "-qq", ...missing], { env, quiet: true });
  return missing;
}
