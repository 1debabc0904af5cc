// One working container of the built image, run the way CI can without a daemon:
// `buildah run --isolation chroot --network host`. buildah run does not apply the image's
// ENTRYPOINT, so the server is started with the entrypoint's command line; the image's USER
// (10001) and WORKDIR apply. Every process it starts carries a marker in its environment, so the
// test finds them in /proc (their uid, and to stop them) however buildah parents them.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { buildah, buildahArgs } from "./buildah.ts";

export const ENTRYPOINT = ["/bin/sh", "/app/deploy/docker-entrypoint.sh"];
const MARKER = "ROADBOOK_IMAGE_TEST_RUN";

export type Env = Record<string, string>;
/** `output` is stdout and stderr together, `stdout` alone. */
export type Result = { status: number | null; output: string; stdout: string };

export class AppContainer {
  readonly marker = randomUUID();
  private server?: ChildProcess;
  private serverExit?: Promise<number | null>;
  output = "";

  private constructor(readonly id: string) {}

  static create(image: string): AppContainer {
    return new AppContainer(buildah(["from", "--pull=never", image], { quiet: true }).trim());
  }

  private runArgs(env: Env, user?: string): string[] {
    const vars = Object.entries({ ...env, [MARKER]: this.marker }).flatMap(([key, value]) => [
      "--env",
      `${key}=${value}`,
    ]);
    return buildahArgs([
      "run",
      "--isolation",
      "chroot",
      "--network",
      "host",
      ...(user ? ["--user", user] : []),
      ...vars,
      this.id,
      "--",
    ]);
  }

  /** Runs a command to its end (a refused start, a probe); stdout and stderr together. */
  run(command: string[], env: Env = {}, options: { user?: string; timeoutMs?: number } = {}): Result {
    const result = spawnSync("buildah", [...this.runArgs(env, options.user), ...command], {
      encoding: "utf8",
      timeout: options.timeoutMs ?? 120_000,
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (result.error) throw new Error(`buildah run ${command.join(" ")}: ${result.error.message}`);
    return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
  }

  /** Starts the entrypoint in the background; its output collects in `output`. */
  start(env: Env): void {
    this.output = "";
    const child = spawn("buildah", [...this.runArgs(env), ...ENTRYPOINT], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (chunk) => (this.output += chunk));
    child.stderr?.on("data", (chunk) => (this.output += chunk));
    this.server = child;
    this.serverExit = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  }

  get running(): boolean {
    return Boolean(this.server && this.server.exitCode === null && this.server.signalCode === null);
  }

  /** The container's processes (found by the marker): pid, command line and effective uid. */
  processes(): { pid: number; command: string; uid: number }[] {
    const found: { pid: number; command: string; uid: number }[] = [];
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const environ = readFileSync(`/proc/${entry}/environ`, "utf8");
        if (!environ.split("\0").includes(`${MARKER}=${this.marker}`)) continue;
        const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
        const status = readFileSync(`/proc/${entry}/status`, "utf8");
        const uid = Number(status.match(/^Uid:\s+\d+\s+(\d+)/m)?.[1]);
        found.push({ pid: Number(entry), command, uid });
      } catch {
        // gone meanwhile, or not ours to read
      }
    }
    return found;
  }

  /** SIGTERM to the container's processes (buildah does not forward it), then SIGKILL after 15 s. */
  async stop(): Promise<number | null> {
    if (!this.server) return null;
    const signal = (sig: NodeJS.Signals) => {
      for (const { pid } of this.processes()) {
        try {
          process.kill(pid, sig);
        } catch {
          // already gone
        }
      }
    };
    signal("SIGTERM");
    const timer = setTimeout(() => {
      signal("SIGKILL");
      this.server?.kill("SIGKILL");
    }, 15_000);
    const code = await this.serverExit;
    clearTimeout(timer);
    this.server = undefined;
    return code ?? null;
  }

  async remove(): Promise<void> {
    await this.stop();
    try {
      buildah(["rm", this.id], { quiet: true });
    } catch (error) {
      console.error(`image: could not remove container ${this.id}: ${error instanceof Error ? error.message : error}`);
    }
  }
}
