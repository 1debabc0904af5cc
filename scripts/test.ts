// npm test: everything, in order, stopping at the first failure:
// lint + types, production build, unit + integration tests (real PostgreSQL), then
// end-to-end tests (Playwright + Chromium) against the production build, then the
// benchmark's smoke run.
import { spawnSync } from "node:child_process";

const steps: [string, string[], Record<string, string>?][] = [
  ["lint", ["npx", "biome", "check", "."]],
  ["types", ["npx", "tsc", "--noEmit"]],
  ["build", ["npx", "next", "build"]],
  ["unit and integration tests", ["npx", "vitest", "run"]],
  // Fixtures import server-only factories, hence the react-server condition.
  ["end-to-end tests", ["npx", "playwright", "test"], { NODE_OPTIONS: "--conditions=react-server" }],
  // The benchmark at 1/100 scale, so it never rots (the full run is `npm run bench`, not part of the tests).
  ["benchmark smoke", ["npx", "tsx", "--conditions=react-server", "scripts/bench.ts", "--smoke"]],
];

for (const [name, [command, ...args], extraEnv] of steps) {
  console.log(`\n=== ${name}: ${[command, ...args].join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command as string, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
  });
  if (result.status !== 0) {
    console.error(`\n=== ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  console.log(`=== ${name} passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
console.log("\n=== all checks passed");
