// The closing count of a test run, from the runners' JSON reports in one folder.
// CI's reader of the log counts only a line that is exactly "N passed, N failed", alone and last,
// so that is the line this module ends on; skips and the reasons for a missing report go on the
// lines before it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type Counts = { passed: number; failed: number; skipped: number };

/** A report the run was expected to write: Vitest's, Playwright's, or a plain `Counts` of checks. */
export type ReportKind = "vitest" | "playwright" | "checks";
export type ExpectedReport = { name: string; file: string; kind: ReportKind };

export type Summary = Counts & { notes: string[] };

/**
 * Adds up the reports. A report that is missing or unreadable counts as one failed test, since
 * the runner that should have written it did not finish: a run never reads as green for want of
 * a report.
 */
export function summarise(dir: string, expected: ExpectedReport[]): Summary {
  const summary: Summary = { passed: 0, failed: 0, skipped: 0, notes: [] };
  for (const report of expected) {
    const file = path.join(dir, report.file);
    const counts = existsSync(file) ? readCounts(file, report.kind) : null;
    if (!counts) {
      summary.failed += 1;
      summary.notes.push(
        `${report.name}: no report (${existsSync(file) ? "unreadable" : "not written"}), counted as 1 failed`,
      );
      continue;
    }
    summary.passed += counts.passed;
    summary.failed += counts.failed;
    summary.skipped += counts.skipped;
  }
  return summary;
}

function readCounts(file: string, kind: ReportKind): Counts | null {
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
  const r = report as Record<string, unknown> & { stats?: Record<string, unknown> };
  const counts =
    kind === "vitest"
      ? {
          passed: r.numPassedTests,
          failed: r.numFailedTests,
          skipped: Number(r.numPendingTests ?? 0) + Number(r.numTodoTests ?? 0),
        }
      : kind === "playwright"
        ? {
            passed: Number(r.stats?.expected) + Number(r.stats?.flaky),
            failed: r.stats?.unexpected,
            skipped: r.stats?.skipped,
          }
        : { passed: r.passed, failed: r.failed, skipped: r.skipped ?? 0 };
  const values = [counts.passed, counts.failed, counts.skipped];
  if (!values.every((value) => Number.isInteger(value) && (value as number) >= 0)) return null;
  // Vitest reports a file that failed to load as a failed suite with no test in it.
  let failed = counts.failed as number;
  if (kind === "vitest" && failed === 0 && Number(r.numFailedTestSuites ?? 0) > 0)
    failed = Number(r.numFailedTestSuites);
  return { passed: counts.passed as number, failed, skipped: counts.skipped as number };
}

/** The lines that close a run: notes, then the skips, then exactly "N passed, N failed" last. */
export function closingLines(summary: Summary): string[] {
  return [...summary.notes, `${summary.skipped} skipped`, `${summary.passed} passed, ${summary.failed} failed`];
}

/** Writes a plain report of checks (the resilience suite, the Node 22 smoke) for `summarise`. */
export function writeChecksReport(file: string, counts: Counts): void {
  writeFileSync(file, `${JSON.stringify(counts)}\n`);
}
