// npm run test:resilience [-- --smoke]
// Guarantees 4 and 6 of docs/security.md, against the production build in .next (`npm run build` first):
// outage survival (scripts/resilience/outage.ts), then correctness under load
// (scripts/resilience/load.ts; 50 users for 60 s, --smoke 10 users for 10 s). Each check
// starts its own throwaway PostgreSQL and server and removes them, pass or fail. Exits
// non-zero with a one-line reason on the first failed check.

import { writeChecksReport } from "./lib/test-summary.ts";
import { CheckFailed, cleanupActiveRuns, requireProductionBuild } from "./resilience/harness.ts";
import { runLoad } from "./resilience/load.ts";
import { runOutage } from "./resilience/outage.ts";

const smoke = process.argv.includes("--smoke");
// npm test counts the two checks (outage survival, load) in its closing line.
const report = process.env.ROADBOOK_CHECKS_REPORT;
let passed = 0;
const writeReport = (failed: number) => {
  if (report) writeChecksReport(report, { passed, failed, skipped: 2 - passed - failed });
};

async function main(): Promise<void> {
  requireProductionBuild();
  const started = performance.now();
  await runOutage();
  passed += 1;
  console.log(`resilience: ✓ outage survival (${seconds(started)})`);
  const loadStarted = performance.now();
  await runLoad(smoke ? { users: 10, seconds: 10 } : { users: 50, seconds: 60 });
  passed += 1;
  console.log(`resilience: ✓ load (${seconds(loadStarted)}); ✓ both checks (${seconds(started)})`);
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

// Ctrl-C or a CI timeout: stop the servers and databases of the runs in progress, then exit.
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    interrupted = true;
    console.error(`resilience: ✗ interrupted by ${signal}`);
    writeReport(1);
    await cleanupActiveRuns();
    process.exit(130);
  });
}

try {
  await main();
  writeReport(0);
  process.exit(0);
} catch (error) {
  // Interrupted: the checks fail as their server goes; the signal handler exits once all is released.
  if (!interrupted) {
    const reason =
      error instanceof CheckFailed
        ? error.message
        : `unexpected error: ${error instanceof Error ? error.message : error}`;
    console.error(`resilience: ✗ ${reason.split("\n")[0]}`);
    writeReport(1);
    if (!(error instanceof CheckFailed) && error instanceof Error) console.error(error.stack);
    process.exit(1);
  }
}
