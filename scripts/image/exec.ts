// Running the external tools (apt-get, debootstrap, npm, buildah) with a clear error when one fails.
import { spawnSync } from "node:child_process";

export class StepFailed extends Error {}

export type ExecOptions = { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; quiet?: boolean };

/** Runs a command to completion; throws StepFailed naming the command, its exit and its last output. */
export function exec(command: string, args: string[], options: ExecOptions = {}): string {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    input: options.input,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new StepFailed(`${command}: ${missing ? "not installed" : result.error.message}`);
  }
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim().split("\n").slice(-15).join("\n");
    throw new StepFailed(
      `${command} ${args.slice(0, 4).join(" ")}… exited ${result.status ?? result.signal}:\n${output}`,
    );
  }
  if (!options.quiet && result.stderr.trim()) process.stderr.write(indent(result.stderr));
  return result.stdout;
}

/** Like exec, but streams the output (long builds), prefixed so the log shows whose it is. */
export function execLoud(command: string, args: string[], options: ExecOptions = {}): void {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.error) throw new StepFailed(`${command}: ${result.error.message}`);
  if (result.status !== 0)
    throw new StepFailed(`${command} ${args.slice(0, 4).join(" ")}… exited ${result.status ?? result.signal}`);
}

export function hasCommand(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

const indent = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .map((line) => `  ${line}\n`)
    .join("");
