// npm run bench [-- --smoke | --scale N]
// Seeds a synthetic portfolio into a throwaway PostgreSQL (never .data), starts the production
// server and measures what the issues set targets for; the full run writes docs/benchmarks.md.
import { type ChildProcess, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import type { Role } from "@/lib/lifecycle.ts";
import { BULK_EDIT_MAX_ROWS } from "@/lib/validation/bulk-edit.ts";
import { hashPassword } from "@/server/auth/password.ts";
import { IMPORT_LIMITS } from "@/server/imports/table.ts";
import { measureCsvExport } from "./bench/csv-export.ts";
import { firstLoadJs, lighthousePerformance } from "./bench/front-end.ts";
import { measureImportAndBulkEdit } from "./bench/import-and-bulk-edit.ts";
import { rssMb, type Stats, spread, time } from "./bench/measure.ts";
import { mixedLoad } from "./bench/mixed-load.ts";
import { reportLines, writeBenchmarks } from "./bench/report.ts";
import { BENCH_PASSWORD, scaleFor, seedPortfolio } from "./bench/seed.ts";
import { PlanLog, preloadAutoExplain } from "./bench/seq-scans.ts";
import { addBenchTokens, BENCH_TOKENS, loadUsers, signIn, spawnServer, waitForHealth } from "./bench/server.ts";
import { describeWaves, recordSummaryStatements, replaySummary } from "./bench/summary-statements.ts";
import { freePort } from "./lib/embedded-db.ts";
import { startThrowawayDb } from "./test/throwaway-db.ts";

const smoke = process.argv.includes("--smoke");
const scaleArgument = process.argv[process.argv.indexOf("--scale") + 1];
const factor = smoke ? 0.01 : process.argv.includes("--scale") ? Number(scaleArgument) : 1;
if (!Number.isFinite(factor) || factor <= 0) {
  console.error(`bench: --scale takes a positive number (got ${scaleArgument})`);
  process.exit(2);
}
const scale = scaleFor(factor);
const N = smoke ? 15 : 100;
const WARMUP = smoke ? 3 : 15;
const LOAD_SECONDS = smoke ? 3 : 20;
/** Throughput runs (list API against /api/health): the smoke's one short run swings widely. */
const THROUGHPUT_RUNS = smoke ? 1 : 3;
const MIXED_USERS = smoke ? 10 : 50;
const MIXED_SECONDS = smoke ? 5 : 60;
/** The simulated users' think time between requests (uniform, seconds): a person's pace. */
const MIXED_THINK_SECONDS = smoke ? ([0.5, 1.5] as const) : ([2, 8] as const);
/** Page targets (p95): 200 ms warm at 10k use cases, 300 ms at 100k. */
const PAGE_TARGET = factor >= 10 ? 300 : 200;

const log = (line: string) => console.log(`bench: ${line}`);

async function main() {
  // A recorded run measures the code it is labelled with: it builds it (an earlier build may be of
  // another commit; a --scale 10 run once measured a three-hour-old build). The smoke reuses a build.
  if (!smoke || !existsSync(".next/BUILD_ID")) {
    log(smoke ? "no production build: running next build" : "building the code measured: next build");
    execFileSync("npx", ["next", "build"], { stdio: "inherit" });
  }
  // The plan check needs a portfolio big enough for the planner to prefer indexes: not in the smoke.
  const plans = smoke ? null : new PlanLog();
  const db = await startThrowawayDb("bench", plans ? { log: plans.listener } : {});
  let server: ChildProcess | undefined;
  let opened: pg.Client | undefined;
  try {
    const client = new pg.Client({ connectionString: db.url });
    opened = client;
    // The database stops in `finally` after a failed step: that step's error is the one to report.
    client.on("error", () => {});
    await client.connect();
    log(`seeding ${scale.useCases} use cases…`);
    const seedSeconds = await seedPortfolio(client, scale, await hashPassword(BENCH_PASSWORD));
    const counts = (
      await client.query<{ t: string; n: number }>(`
        SELECT 'use cases' t, count(*)::int n FROM "UseCase" UNION ALL SELECT 'gate reviews', count(*)::int FROM "GateReview"
        UNION ALL SELECT 'votes', count(*)::int FROM "GateVote" UNION ALL SELECT 'checklist items', count(*)::int FROM "ChecklistItem"
        UNION ALL SELECT 'services', count(*)::int FROM "Service" UNION ALL SELECT 'probes', count(*)::int FROM "ServiceProbe"
        UNION ALL SELECT 'estimates', count(*)::int FROM "EstimateRevision" UNION ALL SELECT 'costs', count(*)::int FROM "Cost" UNION ALL SELECT 'audit events', count(*)::int FROM "AuditEvent"
        UNION ALL SELECT 'users', count(*)::int FROM "User"`)
    ).rows;
    log(`seeded in ${seedSeconds.toFixed(1)} s: ${counts.map((c) => `${c.n} ${c.t}`).join(", ")}`);
    await addBenchTokens(client);

    if (plans) await preloadAutoExplain(client);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawnServer(db.url, port);
    await waitForHealth(base);
    const cookie = await signIn(base, "user1@bench.test");
    const adminCookie = await signIn(base, "user4@bench.test");
    const page =
      (p: string, jar = cookie) =>
      async () => {
        const response = await fetch(`${base}${p}`, { headers: { cookie: jar } });
        if (response.status !== 200) throw new Error(`${p}: ${response.status}`);
        await response.arrayBuffer();
      };
    const api =
      (p: string, token = BENCH_TOKENS.business) =>
      async () => {
        const response = await fetch(`${base}${p}`, { headers: { authorization: `Bearer ${token}` } });
        if (response.status !== 200) throw new Error(`${p}: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      };
    const detailKey = `UC-${Math.floor(scale.useCases / 2)}`;
    // "Cold": a change through the API before every measured request, as when people write all
    // day (every change invalidates the cached portfolio summary).
    const write = async (i: number) => {
      const response = await fetch(`${base}/api/v1/use-cases/${detailKey}/comments`, {
        method: "POST",
        headers: { authorization: `Bearer ${BENCH_TOKENS.admin}`, "content-type": "application/json" },
        body: JSON.stringify({ body: `Benchmark write ${i}` }),
      });
      if (response.status !== 201) throw new Error(`cold write: ${response.status} ${await response.text()}`);
    };
    log("timing pages and API reads, warm and cold…");
    const results: { name: string; stats: Stats; target?: number }[] = [];
    const add = async (
      name: string,
      fn: (i: number) => Promise<void>,
      target: number | undefined,
      n = N,
      between?: (i: number) => Promise<void>,
    ) => results.push({ name, stats: await time(fn, n, WARMUP, between), target });
    await add("page: dashboard /, warm (cached summary)", page("/"), undefined);
    await add("page: dashboard /, cold (a write before each)", page("/"), factor >= 10 ? 300 : 150, N, write);
    await add(
      "page: use-case list, filtered + text search",
      page("/use-cases?stage=PROTOTYPE&status=ACTIVE&q=churn"),
      PAGE_TARGET,
    );
    await add("page: use-case list sorted by priority", page("/use-cases?sort=priority"), 200);
    await add("API: GET /api/v1/use-cases?sort=priority", api("/api/v1/use-cases?sort=priority"), 200);
    await add(`page: use-case detail /use-cases/${detailKey}`, page(`/use-cases/${detailKey}`), PAGE_TARGET);
    await add("page: reviews /reviews", page("/reviews"), PAGE_TARGET);
    await add("page: board /board", page("/board"), PAGE_TARGET);
    await add("page: roadmap /roadmap", page("/roadmap"), PAGE_TARGET);
    await add("page: roadmap by benefit area, by month", page("/roadmap?group=area&zoom=month"), PAGE_TARGET);
    await add("page: priority matrix /portfolio/matrix", page("/portfolio/matrix"), PAGE_TARGET);
    await add("page: board sorted by priority /board?sort=priority", page("/board?sort=priority"), PAGE_TARGET);
    // A funding round freezes the whole ranked list (one query over the portfolio): a few, not N.
    const snapshot = async (i: number) => {
      const response = await fetch(`${base}/api/v1/funding-snapshots`, {
        method: "POST",
        headers: { authorization: `Bearer ${BENCH_TOKENS.business}`, "content-type": "application/json" },
        body: JSON.stringify({ name: `Benchmark round ${i}` }),
      });
      if (response.status !== 201) throw new Error(`funding snapshot: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    results.push({
      name: "API: POST /api/v1/funding-snapshots (the whole ranked list)",
      stats: await time(snapshot, 5, 1),
      target: 1000,
    });
    await add("page: funding snapshots /portfolio/funding", page("/portfolio/funding"), PAGE_TARGET);
    const rounds = (
      await client.query<{ id: string }>(`SELECT id FROM "FundingSnapshot" ORDER BY "takenAt" DESC LIMIT 2`)
    ).rows;
    await add(
      "page: funding snapshots compared /portfolio/funding?from=&to=",
      page(`/portfolio/funding?from=${rounds[1]?.id}&to=${rounds[0]?.id}`),
      PAGE_TARGET,
    );
    await add("page: services /services", page("/services"), PAGE_TARGET);
    await add(`page: risk screening /use-cases/${detailKey}/risk`, page(`/use-cases/${detailKey}/risk`), PAGE_TARGET);
    await add("page: risk portfolio /risks (heat map)", page("/risks"), PAGE_TARGET);
    await add(
      `page: model card /use-cases/${detailKey}/model-card`,
      page(`/use-cases/${detailKey}/model-card`),
      PAGE_TARGET,
    );
    await add(
      `page: models and code /use-cases/${detailKey}/toolchain`,
      page(`/use-cases/${detailKey}/toolchain`),
      PAGE_TARGET,
    );
    await add("page: import /use-cases/import", page("/use-cases/import"), PAGE_TARGET);
    await add("page: API reference /api-docs", page("/api-docs"), PAGE_TARGET);
    // The longest of the reference's tag pages (about 220 kB of HTML).
    await add("page: API reference, risk endpoints /api-docs/risk", page("/api-docs/risk"), PAGE_TARGET);
    await add("page: admin /admin", page("/admin", adminCookie), PAGE_TARGET);
    await add("page: delegations /admin/delegations", page("/admin/delegations", adminCookie), PAGE_TARGET);
    await add("API: GET /api/v1/use-cases", api("/api/v1/use-cases"), 50);
    await add("API: GET /api/v1/portfolio/summary, warm", api("/api/v1/portfolio/summary"), undefined);
    await add("API: GET /api/v1/portfolio/summary, cold", api("/api/v1/portfolio/summary"), undefined, N, write);
    // What pipelines call before each deploy: a production use case whose G3 approved v7 at a commit.
    const approved = (
      await client.query<{ number: number }>(
        `SELECT u.number FROM "UseCase" u JOIN "GateReview" r ON r."useCaseId" = u.id
         WHERE u.stage = 'PRODUCTION' AND u.status = 'ACTIVE' AND r."toStage" = 'PRODUCTION' AND r.decision = 'GO'
         ORDER BY u.number LIMIT 1`,
      )
    ).rows[0];
    if (!approved) throw new Error("the seed has no approved production use case");
    await add(
      "API: GET /api/v1/use-cases/{key}/deployment-approval (deploy:check)",
      async () => {
        const response = await fetch(
          `${base}/api/v1/use-cases/UC-${approved.number}/deployment-approval?environment=production&modelVersion=7&commit=a1b2c3d4e5`,
          { headers: { authorization: `Bearer ${BENCH_TOKENS.deploy}` } },
        );
        const answer = (await response.json()) as { allowed?: boolean };
        if (response.status !== 200 || answer.allowed !== true)
          throw new Error(`deployment approval: ${response.status} ${JSON.stringify(answer)}`);
      },
      20,
    );
    const decisions = Math.min(N, scale.openReviews - WARMUP);
    await add(
      "API: POST /api/v1/gates/{id}/decisions",
      async (i) => {
        const response = await fetch(`${base}/api/v1/gates/open${i + 1}/decisions`, {
          method: "POST",
          headers: { authorization: `Bearer ${BENCH_TOKENS.business}`, "content-type": "application/json" },
          body: JSON.stringify({ decision: "GO", rationale: "Benchmark decision" }),
        });
        if (response.status !== 201) throw new Error(`decision: ${response.status} ${await response.text()}`);
      },
      100,
      decisions,
    );

    log("timing the bare SQL of the portfolio summary (its own statements, replayed)…");
    const business = (await client.query<{ role: Role }>(`SELECT role FROM "User" WHERE id = 'u1'`)).rows[0];
    const summaryWaves = await recordSummaryStatements(db.url, { id: "u1", role: business?.role ?? "BUSINESS" });
    const replayPool = new pg.Pool({ connectionString: db.url, max: 10 });
    const bare = await time(
      async () => {
        await replaySummary(replayPool, summaryWaves);
      },
      N,
      WARMUP,
      write,
    );
    await replayPool.end();
    const stats = (name: string) => results.find((r) => r.name.startsWith(name))?.stats as Stats;
    const summaryWarm = stats("API: GET /api/v1/portfolio/summary, warm");
    const summaryCold = stats("API: GET /api/v1/portfolio/summary, cold");

    const pid = server.pid as number;
    let peak = rssMb(pid);
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(pid));
    }, 250);
    log(
      `throughput: ${THROUGHPUT_RUNS} × (50 connections for ${LOAD_SECONDS} s on the list API, then on /api/health)…`,
    );
    const load = async (url: string, headers: Record<string, string> = {}) =>
      autocannon({ url, connections: 50, duration: LOAD_SECONDS, headers });
    const runs: { list: autocannon.Result; trivial: autocannon.Result; ratio: number }[] = [];
    for (let run = 0; run < THROUGHPUT_RUNS; run++) {
      const list = await load(`${base}/api/v1/use-cases`, { authorization: `Bearer ${BENCH_TOKENS.business}` });
      const trivial = await load(`${base}/api/health`);
      runs.push({
        list,
        trivial,
        ratio: Math.round((list.requests.average / Math.max(1, trivial.requests.average)) * 100),
      });
    }
    const throughput = spread(runs.map((r) => r.ratio));
    const middle = runs.find((r) => r.ratio === throughput.median) ?? (runs[0] as (typeof runs)[number]);
    const throughputErrors = runs.reduce(
      (sum, r) => sum + r.list.errors + r.list.non2xx + r.trivial.errors + r.trivial.non2xx,
      0,
    );
    const throughputPeak = peak;

    log(
      `mixed load: ${MIXED_USERS} users for ${MIXED_SECONDS} s (think time ${MIXED_THINK_SECONDS.join("–")} s), 90 % reads and 10 % writes…`,
    );
    peak = rssMb(pid);
    const mixed = await mixedLoad({
      base,
      client,
      users: await loadUsers(client, base, MIXED_USERS),
      seconds: MIXED_SECONDS,
      thinkSeconds: MIXED_THINK_SECONDS,
    });
    clearInterval(sampler);
    const mixedPeak = peak;

    let scans: ReturnType<PlanLog["findings"]> | null = null;
    if (plans) {
      log("plans of the queries behind each page and API read (auto_explain)…");
      // The searches are for one use case, as a person looking for it types: a word in an
      // eighth of the titles ("churn", the timed search above) matches 1,250 rows at 10k, and
      // the planner rightly hashes those against the whole table to sort them.
      const search = encodeURIComponent(`model ${detailKey.slice(3)}`);
      await plans.start(client);
      for (const read of [
        page("/"),
        page("/use-cases"),
        page(`/use-cases?q=${search}`),
        page("/use-cases?sort=priority"),
        page(`/use-cases?stage=PROTOTYPE&status=ACTIVE&q=${search}`),
        page(`/use-cases/${detailKey}`),
        page("/board"),
        page("/board?sort=priority"),
        page("/portfolio/matrix"),
        page("/portfolio/matrix?quadrant=quick-wins&benefitArea=COST_REDUCTION"),
        page("/reviews"),
        page("/services"),
        page(`/use-cases/${detailKey}/risk`),
        page("/risks"),
        page("/risks?likelihood=4&impact=5"),
        page(`/use-cases/${detailKey}/toolchain`),
        api("/api/v1/use-cases"),
        api(`/api/v1/use-cases?q=${search}`),
        api("/api/v1/use-cases?sort=priority&limit=100"),
        api(`/api/v1/use-cases/${detailKey}`),
        api("/api/v1/portfolio/summary?benefitArea=COST_REDUCTION"),
      ])
        await read();
      await plans.stop(client);
      scans = plans.findings();
      if (scans.unexpected.length > 0) {
        process.exitCode = 1;
        console.error(
          `bench: sequential scans over a big table:\n${scans.unexpected.map((f) => `  ${f.table}: ${f.query}`).join("\n")}`,
        );
      }
    }

    log("CSV export of the whole portfolio…");
    const exported = await measureCsvExport(base, cookie, client, pid);

    // After every read is measured: the import adds `importRows` use cases to the portfolio.
    // Scaled with the seed, up to the largest file the import takes and the largest bulk edit
    // (past scale 2 the limits, not the seed, decide: a --scale 10 run asked for more and got 422).
    const importRows = Math.min(IMPORT_LIMITS.rows, Math.max(50, Math.round(10_000 * factor)));
    const bulkRows = Math.min(BULK_EDIT_MAX_ROWS, Math.max(10, Math.round(1_000 * factor)));
    log(`import of a ${importRows}-row CSV (dry run, commit), then a bulk edit of ${bulkRows} of them…`);
    results.push(...(await measureImportAndBulkEdit(base, importRows, bulkRows)));

    log("first-load JS per route…");
    const js = await firstLoadJs(base, cookie, [
      "/",
      "/use-cases",
      `/use-cases/${detailKey}`,
      `/use-cases/${detailKey}/risk`,
      `/use-cases/${detailKey}/toolchain`,
      "/use-cases/import",
      "/reviews",
      "/board",
      "/roadmap",
      "/portfolio/matrix",
      "/services",
    ]);
    log("Lighthouse on the dashboard…");
    const lighthouseScore = await lighthousePerformance(`${base}/`, cookie);

    const lines = reportLines({
      label: smoke ? "smoke (1/100 scale)" : factor === 1 ? "full scale" : `scale ${factor}`,
      factor,
      counts,
      seedSeconds,
      results,
      bare,
      bareShape: describeWaves(summaryWaves),
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
      ...exported,
      scans,
      js,
      lighthouseScore,
    });
    console.log(`\n${lines.join("\n")}`);
    // Bundle size does not depend on the machine's load, unlike the timings: a route over its
    // budget fails the run (and with it `npm test`), so a heavy import is caught when it lands.
    // Correctness under the mixed load fails the run too: a 5xx, or a write acknowledged and not stored.
    if (mixed.errors > 0 || mixed.mismatches.length > 0) {
      process.exitCode = 1;
      console.error(
        `bench: mixed load: ${mixed.errors} errors; stored ≠ acknowledged: ${mixed.mismatches.slice(0, 5).join("; ")}`,
      );
    }
    const heavy = js.filter((r) => r.kb > 200);
    if (heavy.length > 0) {
      process.exitCode = 1;
      console.error(`bench: first-load JS over 200 kB: ${heavy.map((r) => `${r.route} ${r.kb} kB`).join(", ")}`);
    }
    if (!smoke) log(`wrote ${writeBenchmarks(lines)}`);
  } finally {
    await opened?.end().catch(() => {});
    server?.kill("SIGTERM");
    await db.stop();
  }
}

await main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
process.exit(process.exitCode ?? 0);
