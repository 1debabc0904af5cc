import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closingLines, type ExpectedReport, summarise, writeChecksReport } from "./test-summary.ts";

const VITEST: ExpectedReport = { name: "Vitest", file: "vitest.json", kind: "vitest" };
const PLAYWRIGHT: ExpectedReport = { name: "Playwright", file: "playwright.json", kind: "playwright" };
const CHECKS: ExpectedReport = { name: "resilience", file: "resilience.json", kind: "checks" };

// What CI's reader counts: exactly "N passed, N failed" alone on the last line.
const CLOSING = /^\d+ passed, \d+ failed$/;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "roadbook-summary-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (file: string, report: unknown) => writeFileSync(path.join(dir, file), JSON.stringify(report));

// Shapes as the runners write them (Vitest's json reporter, Playwright's json reporter), trimmed.
const redVitest = {
  numTotalTests: 12,
  numPassedTests: 9,
  numFailedTests: 2,
  numPendingTests: 1,
  numTodoTests: 0,
  numFailedTestSuites: 1,
  success: false,
};
const redPlaywright = { stats: { expected: 240, unexpected: 3, flaky: 1, skipped: 2, duration: 1000 } };

describe("the closing count", () => {
  it("counts a red Vitest report's failures, and ends on the plain line", () => {
    write("vitest.json", redVitest);
    const summary = summarise(dir, [VITEST]);
    expect(summary).toMatchObject({ passed: 9, failed: 2, skipped: 1 });
    const lines = closingLines(summary);
    expect(lines.at(-1)).toBe("9 passed, 2 failed");
    expect(lines.at(-2)).toBe("1 skipped");
  });

  it("counts a Vitest file that failed to load (no test in it) as failed", () => {
    write("vitest.json", { ...redVitest, numPassedTests: 5, numFailedTests: 0, numFailedTestSuites: 1 });
    expect(summarise(dir, [VITEST]).failed).toBe(1);
  });

  it("counts a red Playwright report: flaky tests passed, unexpected ones failed", () => {
    write("playwright.json", redPlaywright);
    const lines = closingLines(summarise(dir, [PLAYWRIGHT]));
    expect(lines.at(-1)).toBe("241 passed, 3 failed");
    expect(lines.at(-2)).toBe("2 skipped");
  });

  it("counts a missing report as one failure and says which, so a run never looks green for want of it", () => {
    write("vitest.json", { ...redVitest, numFailedTests: 0, numFailedTestSuites: 0 });
    const summary = summarise(dir, [VITEST, PLAYWRIGHT]);
    expect(summary).toMatchObject({ passed: 9, failed: 1 });
    const lines = closingLines(summary);
    expect(lines[0]).toMatch(/^Playwright: no report \(not written\)/);
    expect(lines.at(-1)).toBe("9 passed, 1 failed");
  });

  it("counts an unreadable or malformed report as one failure", () => {
    writeFileSync(path.join(dir, "vitest.json"), "{ not json");
    write("playwright.json", { stats: { expected: "many" } });
    const summary = summarise(dir, [VITEST, PLAYWRIGHT]);
    expect(summary.failed).toBe(2);
    expect(summary.notes.join("\n")).toMatch(/Vitest: no report \(unreadable\)/);
  });

  it("adds every report: Vitest, Playwright and plain checks", () => {
    write("vitest.json", { numPassedTests: 200, numFailedTests: 0, numPendingTests: 0, numFailedTestSuites: 0 });
    write("playwright.json", { stats: { expected: 249, unexpected: 0, flaky: 0, skipped: 0 } });
    writeChecksReport(path.join(dir, "resilience.json"), { passed: 2, failed: 0, skipped: 0 });
    const lines = closingLines(summarise(dir, [VITEST, PLAYWRIGHT, CHECKS]));
    expect(lines).toEqual(["0 skipped", "451 passed, 0 failed"]);
  });

  it("never prints another line that reads as a closing count", () => {
    const lines = closingLines(summarise(dir, [VITEST, PLAYWRIGHT, CHECKS]));
    expect(lines.filter((line) => CLOSING.test(line))).toEqual(["0 passed, 3 failed"]);
    expect(lines.at(-1)).toMatch(CLOSING);
  });
});
