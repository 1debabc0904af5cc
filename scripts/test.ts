// npm test: everything, in order, stopping at the first failure:
// lint + types, production build, unit + integration tests (real PostgreSQL), then
// end-to-end tests (Playwright + Chromium) against the production build, then the
// benchmark's smoke run.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

// Each runner also writes a JSON report here, so the run ends on one plain count of the tests
// executed ("tests: N passed, N failed"), the line CI reads; .ci/run repeats it as its last line.
const REPORTS = ".test-reports";
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const steps: [string, string[], Record<string, string>?][] = [
  ["lint", ["npx", "biome", "check", "."]],
  ["types", ["npx", "tsc", "--noEmit"]],
  ["build", ["npx", "next", "build"]],
  [
    "unit and integration tests",
    ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/vitest.json`],
  ],
  // Fixtures import server-only factories, hence the react-server condition.
  [
    "end-to-end tests",
    ["npx", "playwright", "test"],
    { NODE_OPTIONS: "--conditions=react-server", PLAYWRIGHT_JSON_OUTPUT_FILE: `${REPORTS}/playwright.json` },
  ],
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
    printCounts();
    process.exit(result.status || 1);
  }
  console.log(`=== ${name} passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
console.log("\n=== all checks passed");
printCounts();

/** Sums the two JSON reports (whichever exist) into the closing line, and keeps it for .ci/run. */
function printCounts(): void {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const vitest = readReport(`${REPORTS}/vitest.json`);
  if (vitest) {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
    skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  }
  const playwright = readReport(`${REPORTS}/playwright.json`);
  if (playwright) {
    passed += playwright.stats.expected + playwright.stats.flaky;
    failed += playwright.stats.unexpected;
    skipped += playwright.stats.skipped;
  }
  const line = `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
  writeFileSync(`${REPORTS}/summary.txt`, `${line}\n`);
  console.log(`\n${line}`);
}

// biome-ignore lint/suspicious/noExplicitAny: a runner's own report format, read for four numbers.
function readReport(file: string): any {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}
