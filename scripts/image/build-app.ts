// Builds the project's Dockerfile as it is, daemonless: buildah with chroot isolation and the
// host's network, never pulling (the FROM image is the local base image), with the build
// layers cached in the test's storage. npm inside the build gets the CA that npm on this
// machine trusts, as the optional `ca` build secret (a TLS-intercepting proxy re-signs the
// registry's certificate; without the secret the Dockerfile builds as before).
import { existsSync, mkdirSync } from "node:fs";
import { buildahLoud } from "./buildah.ts";
import { BUILD_TMPDIR } from "./config.ts";
import { exec } from "./exec.ts";

/** The CA bundle npm here trusts beyond Node's own: ROADBOOK_IMAGE_CA, NODE_EXTRA_CA_CERTS or npm's cafile. */
export function caBundle(): string | null {
  const candidates = [process.env.ROADBOOK_IMAGE_CA, process.env.NODE_EXTRA_CA_CERTS, npmCafile()];
  return candidates.find((file): file is string => Boolean(file) && existsSync(file as string)) ?? null;
}

function npmCafile(): string | undefined {
  try {
    const value = exec("npm", ["config", "get", "cafile"], { quiet: true }).trim();
    return value && value !== "null" && value !== "undefined" ? value : undefined;
  } catch {
    return undefined;
  }
}

export function buildAppImage(tag: string, ca: string | null): void {
  mkdirSync(BUILD_TMPDIR, { recursive: true });
  buildahLoud(
    [
      "bud",
      "--pull=never",
      "--isolation",
      "chroot",
      "--network",
      "host",
      "--layers",
      // Docker's image format keeps the HEALTHCHECK (the OCI format has no such field).
      "--format",
      "docker",
      ...(ca ? ["--secret", `id=ca,src=${ca}`] : []),
      "--file",
      "Dockerfile",
      "--tag",
      tag,
      ".",
    ],
    { env: { ...process.env, TMPDIR: BUILD_TMPDIR } },
  );
}
