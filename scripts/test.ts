// npm test: everything, in order, stopping at the first failure:
// lint + types, production build, unit + integration tests (real PostgreSQL), end-to-end tests
// (Playwright + Chromium) against the production build, the production image (built from the
// Dockerfile with buildah and run: scripts/test-image.ts), the outage and load suite, a smoke run
// on Node 22 when one is given, the benchmark's smoke run, then the dependency audit.
//
// It ends on the count of tests executed, exactly "N passed, N failed" alone on the last line
// (skips on the line before), pass or fail: that line is what CI's reader of the log counts.
// Step lines never put "passed"/"failed" next to a duration, which would read as another
// runner's closing line ("=== 5 passed in 2.0s ===") with no count in it.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { warnIfUnsupportedNode } from "./lib/node-version.ts";
import { closingLines, type ExpectedReport, summarise } from "./lib/test-summary.ts";

warnIfUnsupportedNode();

const REPORTS = ".test-reports";
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

type Step = {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** The JSON report the step writes, counted in the closing line. */
  report?: ExpectedReport;
};

const node22 = process.env.ROADBOOK_NODE22_BIN;
const steps: Step[] = [
  { name: "lint", command: ["npx", "biome", "check", "."] },
  { name: "types", command: ["npx", "tsc", "--noEmit"] },
  { name: "build", command: ["npx", "next", "build"] },
  {
    name: "unit and integration tests",
    command: [
      "npx",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${REPORTS}/vitest.json`,
    ],
    report: { name: "Vitest", file: "vitest.json", kind: "vitest" },
  },
  // Fixtures import server-only factories, hence the react-server condition.
  {
    name: "end-to-end tests",
    command: ["npx", "playwright", "test"],
    env: { NODE_OPTIONS: "--conditions=react-server", PLAYWRIGHT_JSON_OUTPUT_FILE: `${REPORTS}/playwright.json` },
    report: { name: "Playwright", file: "playwright.json", kind: "playwright" },
  },
  // The production image, built from the Dockerfile with buildah and run against PostgreSQL
  // (7 checks; ROADBOOK_SKIP_IMAGE_TEST=1 counts them as skipped where there is no root).
  {
    name: "production image",
    command: ["npx", "tsx", "scripts/test-image.ts"],
    env: { ROADBOOK_CHECKS_REPORT: `${REPORTS}/image.json` },
    report: { name: "production image", file: "image.json", kind: "checks" },
  },
  // Outage survival and correctness under load (guarantees 4 and 6 of docs/security.md).
  {
    name: "resilience",
    command: ["node", "--conditions=react-server", "--import", "tsx", "scripts/resilience.ts"],
    env: { ROADBOOK_CHECKS_REPORT: `${REPORTS}/resilience.json` },
    report: { name: "resilience", file: "resilience.json", kind: "checks" },
  },
  // Node 22 still works: start, health, sign in, one API call (.ci/run gives the binary).
  ...(node22
    ? [
        {
          name: "Node 22 smoke",
          command: [node22, "--import", "tsx", "scripts/smoke.ts"],
          env: { ROADBOOK_CHECKS_REPORT: `${REPORTS}/node22-smoke.json`, ROADBOOK_SMOKE_NODE: node22 },
          report: { name: "Node 22 smoke", file: "node22-smoke.json", kind: "checks" as const },
        },
      ]
    : []),
  // The benchmark at 1/100 scale, so it never rots (the full run is `npm run bench`, not part of the tests).
  { name: "benchmark smoke", command: ["npx", "tsx", "--conditions=react-server", "scripts/bench.ts", "--smoke"] },
  // No high or critical advisory in production dependencies (warns where the registry has no audit endpoint).
  { name: "dependency audit", command: ["npx", "tsx", "scripts/audit-deps.ts"] },
];

const expected: ExpectedReport[] = [];
let exitCode = 0;
// A failing step with no test report of its own (lint, types, build, bench, audit) is one failure.
let failedWithoutReport: string | null = null;
const runStarted = Date.now();
for (const step of steps) {
  const [command, ...args] = step.command;
  console.log(`\n▶ ${step.name}: ${step.command.join(" ")}`);
  if (step.report) expected.push(step.report);
  const started = Date.now();
  const result = spawnSync(command as string, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...step.env },
  });
  if (result.status !== 0) {
    console.error(`\n✗ ${step.name} (exit ${result.status ?? result.signal}, ${seconds(started)})`);
    exitCode = result.status || 1;
    if (!step.report) failedWithoutReport = step.name;
    break;
  }
  console.log(`✓ ${step.name} (${seconds(started)})`);
}
if (!node22) console.log("\n· Node 22 smoke not run: set ROADBOOK_NODE22_BIN to a Node 22 binary (.ci/run does).");

const summary = summarise(REPORTS, expected);
if (failedWithoutReport) {
  summary.failed += 1;
  summary.notes.push(`${failedWithoutReport}: failed, counted as 1 failed`);
}
if (exitCode === 0 && summary.failed > 0) exitCode = 1;
console.log(`\n${exitCode === 0 ? "✓ every step" : "✗ stopped at the first failing step"} (${seconds(runStarted)})`);
const lines = closingLines(summary);
// .ci/run prints these again as its own last lines.
writeFileSync(`${REPORTS}/summary.txt`, `${lines.join("\n")}\n`);
console.log(`\n${lines.join("\n")}`);
process.exit(exitCode);

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(0)} s`;
}
