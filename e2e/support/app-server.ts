// Starts the production build (`next start`) on a port with the given environment and waits
// for its health: the e2e server in global-setup, and a second one for first-run tests.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { assertPortFree } from "@/scripts/test/port-free";

const require = createRequire(import.meta.url);

export type AppServer = { url: string; log: () => string; stop: () => Promise<void> };

export async function startAppServer(options: {
  port: string;
  env: Record<string, string>;
  echoErrors?: boolean;
}): Promise<AppServer> {
  const url = `http://127.0.0.1:${options.port}`;
  // Another server on the port would answer the health check below and become the system under test.
  await assertPortFree(Number(options.port));
  const nextBin = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
  let log = "";
  // The test runner runs with --conditions=react-server (for server-only factories); the
  // Next.js server must not inherit it.
  const { NODE_OPTIONS: _runnerOptions, ...inherited } = process.env;
  const server: ChildProcess = spawn(
    process.execPath,
    // Idle keep-alive sockets stay open longer than Node's 5 s default: a test's request context
    // reusing one just as the server closed it read ECONNRESET (seen once in CI).
    [nextBin, "start", "-p", options.port, "-H", "127.0.0.1", "--keepAliveTimeout", "65000"],
    { env: { ...inherited, NEXT_TELEMETRY_DISABLED: "1", ...options.env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => {
    log += chunk;
    if (options.echoErrors) process.stderr.write(chunk);
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    // Exited (the port taken after all): whatever answers is not this server.
    if (server.exitCode !== null) throw new Error(`next start exited:\n${log}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && server.exitCode === null) break;
    if (Date.now() > deadline) {
      server.kill("SIGTERM");
      throw new Error(`next start did not answer /api/health within 90 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    log: () => log,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    },
  };
}
