// The benchmark's report: the tables printed after a run, and docs/benchmarks.md (newest run
// first) that a full run writes.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import type autocannon from "autocannon";
import type { ExportFigures } from "./csv-export.ts";
import type { Stats, spread } from "./measure.ts";
import type { MixedLoadReport } from "./mixed-load.ts";
import type { PlanLog } from "./seq-scans.ts";

export type BenchFigures = ExportFigures & {
  label: string;
  factor: number;
  counts: { t: string; n: number }[];
  seedSeconds: number;
  results: { name: string; stats: Stats; target?: number }[];
  bare: Stats;
  /** What the bare SQL replays: the summary's statements and waves. */
  bareShape: string;
  summaryCold: Stats;
  summaryWarm: Stats;
  middle: { list: autocannon.Result; trivial: autocannon.Result };
  throughput: ReturnType<typeof spread>;
  throughputRuns: number;
  loadSeconds: number;
  throughputErrors: number;
  throughputPeak: number;
  mixed: MixedLoadReport;
  mixedPeak: number;
  scans: ReturnType<PlanLog["findings"]> | null;
  js: { route: string; kb: number }[];
  lighthouseScore: number;
};

/** The run's measures against their targets, as Markdown. */
export function reportLines({
  label,
  factor,
  counts,
  seedSeconds,
  results,
  bare,
  bareShape,
  summaryCold,
  summaryWarm,
  middle,
  throughput,
  throughputRuns: THROUGHPUT_RUNS,
  loadSeconds: LOAD_SECONDS,
  throughputErrors,
  throughputPeak,
  mixed,
  mixedPeak,
  exportedLines,
  exportedBytes,
  exportSeconds,
  exportGrowth,
  scans,
  js,
  lighthouseScore,
}: BenchFigures): string[] {
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "cpu"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  const ratio = (app: Stats) => Math.round((app.p50 / Math.max(0.1, bare.p50)) * 10) / 10;
  const ok = (pass: boolean) => (pass ? "✅" : "❌");
  const readRoutes = mixed.routes.filter((r) => !r.route.startsWith("write:"));
  const worstPage = Math.max(0, ...readRoutes.filter((r) => r.page).map((r) => r.stats.p95));
  const worstApi = Math.max(0, ...readRoutes.filter((r) => !r.page).map((r) => r.stats.p95));
  return [
    `## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · ${label} · commit ${commit}`,
    "",
    `Machine: ${machine}. Seed: ${counts.map((c) => `${c.n.toLocaleString("en-GB")} ${c.t}`).join(", ")}; seeded in ${seedSeconds.toFixed(1)} s.`,
    "",
    "| measure | p50 ms | p95 ms | p99 ms | target (p95) | |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.stats.p50} | ${r.stats.p95} | ${r.stats.p99} | ${r.target == null ? "" : `≤ ${r.target}`} | ${r.target == null ? "" : ok(r.stats.p95 <= r.target)} |`,
    ),
    `| bare SQL of the portfolio summary: its ${bareShape}, replayed on a pool | ${bare.p50} | ${bare.p95} | ${bare.p99} | ≤ 25 (p50) | ${ok(bare.p50 <= 25)} |`,
    "",
    "| measure | value | target | |",
    "| --- | ---: | ---: | --- |",
    `| portfolio summary: app p50 cold / bare SQL p50 | ${ratio(summaryCold)}× | ≤ 1.5× | ${ok(ratio(summaryCold) <= 1.5)} |`,
    `| portfolio summary: app p50 warm / bare SQL p50 (the cache) | ${ratio(summaryWarm)}× | | |`,
    `| list API under 50 connections (median run) | ${Math.round(middle.list.requests.average)} req/s, p50 ${middle.list.latency.p50} ms, p99 ${middle.list.latency.p99} ms | | |`,
    `| trivial route (/api/health) under 50 connections (median run) | ${Math.round(middle.trivial.requests.average)} req/s, p50 ${middle.trivial.latency.p50} ms, p99 ${middle.trivial.latency.p99} ms | | |`,
    `| list API / trivial route throughput, ${THROUGHPUT_RUNS} run${THROUGHPUT_RUNS > 1 ? "s" : ""} of ${LOAD_SECONDS} s | ${throughput.median} %${THROUGHPUT_RUNS > 1 ? ` (${throughput.low}–${throughput.high} %)` : ""} | ≥ 60 % | ${ok(throughput.median >= 60)} |`,
    `| errors and non-2xx in the throughput runs | ${throughputErrors} | 0 | ${ok(throughputErrors === 0)} |`,
    `| server RSS peak in the throughput runs | ${throughputPeak} MB | ≤ 500 MB | ${ok(throughputPeak <= 500)} |`,
    `| mixed load: worst page p95 | ${worstPage} ms | ≤ ${factor >= 10 ? 300 : 250} ms | ${ok(worstPage <= (factor >= 10 ? 300 : 250))} |`,
    `| mixed load: worst API read p95 | ${worstApi} ms | ≤ 60 ms | ${ok(worstApi <= 60)} |`,
    `| mixed load: errors (5xx, network) | ${mixed.errors} | 0 | ${ok(mixed.errors === 0)} |`,
    `| mixed load: stored = acknowledged writes | ${mixed.mismatches.length === 0 ? "yes" : `${mixed.mismatches.length} differ`} | yes | ${ok(mixed.mismatches.length === 0)} |`,
    `| server RSS peak under the mixed load | ${mixedPeak} MB | ≤ ${factor >= 10 ? 600 : 500} MB | ${ok(mixedPeak <= (factor >= 10 ? 600 : 500))} |`,
    `| CSV export of the whole portfolio (${(exportedLines - 1).toLocaleString("en-GB")} rows, ${Math.round(exportedBytes / 1024 / 1024)} MB) | ${exportSeconds.toFixed(1)} s | ≤ 10 s | ${ok(exportSeconds <= 10)} |`,
    `| server RSS growth during the export | ${exportGrowth} MB | ≤ 100 MB | ${ok(exportGrowth <= 100)} |`,
    ...(scans
      ? [
          `| sequential scans over UseCase, GateReview, ChecklistItem or AuditEvent (${scans.plans} plans; ${scans.justified} justified aggregates) | ${scans.unexpected.length} | 0 | ${ok(scans.unexpected.length === 0)} |`,
        ]
      : []),
    ...js.map((r) => `| first-load JS ${r.route} (gzip) | ${r.kb} kB | ≤ 200 kB | ${ok(r.kb <= 200)} |`),
    `| Lighthouse performance, dashboard (desktop preset) | ${lighthouseScore} | ≥ 90 | ${ok(lighthouseScore >= 90)} |`,
    "",
    ...mixed.lines,
    "",
    ...(scans && scans.unexpected.length > 0
      ? ["Sequential scans found:", "", ...scans.unexpected.map((f) => `- ${f.table}: \`${f.query}\``), ""]
      : []),
  ];
}

const INTRO = `# Benchmarks

\`npm run bench\` (full scale; \`-- --smoke\` for 1/100, run by \`npm test\`; \`-- --scale N\` multiplies the
seed). Newest run first; earlier runs are kept below. Times are measured by the client on the same
machine (localhost), sequential requests after a warm-up, except under the mixed load. Probe history
is hourly (168 points a service; capped at a day past scale 7). The portfolio summary is cached per
filter set until the next change (audit event) or 60 s: "warm" rows hit that cache, "cold" rows
make a write through the API before every measured request, and the targets apply to the cold
figures. The mixed load is simulated admins, each one request after the other with a think time
of 2–8 s between them (a person reads a page before the next click), 90 % reads and 10 % writes
on their own share of use cases; runs before 2026-12-06 06:30 had no think time, so their
mixed-load figures measured the queue of 50 back-to-back users on 2 cores. First-load JS is what a route's HTML loads (gzip; the
nomodule polyfills excepted); charts load after the page. Runs before 2026-12-05 23:00 measured the
dashboard and the summary warm only. The summary's bare SQL is the summary's own statements,
recorded from one run of it and replayed on a pool as the app sends them (the settings, then its
figures at once); runs before 2026-12-07 18:40 timed seven hand-written statements, one after the
other, that computed only the main figures.

`;

/** docs/benchmarks.md: this run's report first, then the earlier runs. Answers the file's path. */
export function writeBenchmarks(lines: string[]): string {
  const file = "docs/benchmarks.md";
  const intro = INTRO;
  const earlier = existsSync(file) ? readFileSync(file, "utf8").replace(/^# Benchmarks[\s\S]*?(?=^## )/m, "") : "";
  writeFileSync(file, `${intro}${lines.join("\n")}\n${earlier.startsWith("## ") ? earlier : ""}`);
  // Formatted as the linter wants it, so `npm test` stays green after a bench run.
  execFileSync("npx", ["biome", "format", "--write", file], { stdio: "ignore" });
  return file;
}
