// The benchmark's mixed load: simulated users who read the main pages and API (90 %) and write
// (10 %: use-case edits, estimates, checklist answers, comments) at the same time, each at a
// person's pace: one request after the other, with a think time between them (someone reads a
// page before the next click: 2–8 s at full scale). Without it, 50 users on 2 cores would measure
// the queue, not the app: 50 back-to-back users make each request wait for ~49 others.
// Per-route percentiles, errors, and whether what the database holds equals what the server
// acknowledged.
import type pg from "pg";
import { request } from "../resilience/harness.ts";
import { percentiles, type Stats } from "./measure.ts";

export type LoadUser = { id: string; token: string; cookie: string };

type Outcome = { route: string; status: number; ms: number };

export type MixedLoadReport = {
  lines: string[];
  routes: { route: string; stats: Stats; errors: number; refused: number; page: boolean }[];
  errors: number;
  /** Stored counts that differ from the acknowledged writes (empty when all agree). */
  mismatches: string[];
};

const READS = [
  "page: dashboard",
  "page: use-case list",
  "page: use-case detail",
  "page: reviews",
  "page: board",
  "API: list use cases",
  "API: portfolio summary",
  "API: read use case",
] as const;
const WRITES = ["write: edit use case", "write: record estimate", "write: answer checklist item", "write: comment"];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Each user writes only on the use cases of its own share (active, in the prototype stage, so
 * the prototype checklist is open): it knows the versions it edits, and a 409 would be a bug.
 */
export async function mixedLoad(options: {
  base: string;
  client: pg.Client;
  users: LoadUser[];
  seconds: number;
  /** A user's pause between two requests, drawn uniformly from [min, max] seconds. */
  thinkSeconds: readonly [number, number];
}): Promise<MixedLoadReport> {
  const { base, client, users, seconds, thinkSeconds } = options;
  const thinkMs = () => (thinkSeconds[0] + Math.random() * (thinkSeconds[1] - thinkSeconds[0])) * 1000;
  const targets = (
    await client.query<{ id: string; number: number; version: number }>(
      `SELECT id, number, version FROM "UseCase" WHERE stage = 'PROTOTYPE' AND status = 'ACTIVE' AND id LIKE 'uc%' ORDER BY number`,
    )
  ).rows;
  const allKeys = (await client.query<{ number: number }>(`SELECT number FROM "UseCase" ORDER BY number`)).rows.map(
    (row) => `UC-${row.number}`,
  );
  if (targets.length < users.length) throw new Error(`mixed load: ${targets.length} targets for ${users.length} users`);
  const items = new Map<string, { id: string; version: number }[]>();
  for (const row of (
    await client.query<{ useCaseId: string; id: string; version: number }>(
      `SELECT "useCaseId", id, version FROM "ChecklistItem" WHERE stage = 'PROTOTYPE' AND "useCaseId" = ANY($1)`,
      [targets.map((t) => t.id)],
    )
  ).rows)
    items.set(row.useCaseId, [...(items.get(row.useCaseId) ?? []), { id: row.id, version: row.version }]);

  const share = new Map(users.map((user, i) => [user.id, targets.filter((_, j) => j % users.length === i)]));
  const acked = { edits: new Map<string, number>(), estimates: new Map<string, number>(), comments: 0, answers: 0 };
  const answeredVersion = new Map<string, number>(); // item id → version after this run's answers
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const outcomes: Outcome[] = [];
  const failures: string[] = [];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

  const call = async (route: string, user: LoadUser, path: string, init: RequestInit = {}) => {
    const headers: Record<string, string> = route.startsWith("page:")
      ? { cookie: user.cookie }
      : { authorization: `Bearer ${user.token}`, "content-type": "application/json" };
    const answer = await request(`${base}${path}`, { ...init, headers, timeoutMs: 30_000 });
    outcomes.push({ route, status: answer.status, ms: answer.ms });
    if (answer.status === 0 || answer.status >= 500)
      failures.push(`${route} ${path} → ${answer.status || answer.error} ${answer.body.slice(0, 160)}`);
    return answer;
  };

  async function act(user: LoadUser, n: number): Promise<void> {
    const mine = share.get(user.id) ?? [];
    const target = pick(mine);
    const key = `UC-${target.number}`;
    if (Math.random() >= 0.1) {
      const route = pick(READS);
      const paths: Record<(typeof READS)[number], string> = {
        "page: dashboard": "/",
        "page: use-case list": "/use-cases",
        "page: use-case detail": `/use-cases/${pick(allKeys)}`,
        "page: reviews": "/reviews",
        "page: board": "/board",
        "API: list use cases": "/api/v1/use-cases?limit=50",
        "API: portfolio summary": "/api/v1/portfolio/summary",
        "API: read use case": `/api/v1/use-cases/${pick(allKeys)}`,
      };
      await call(route, user, paths[route]);
      return;
    }
    const route = pick(WRITES);
    const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
    if (route === "write: edit use case") {
      const read = await call("API: read use case", user, `/api/v1/use-cases/${key}`);
      if (read.status !== 200) return;
      const { version } = JSON.parse(read.body) as { version: number };
      const answer = await call(
        route,
        user,
        `/api/v1/use-cases/${key}`,
        json("PATCH", { version, summary: `Edited under load by ${user.id} (#${n})` }),
      );
      if (answer.status === 200) bump(acked.edits, target.id);
    } else if (route === "write: record estimate") {
      const base = 100_000 + (n % 50) * 1000;
      const answer = await call(
        route,
        user,
        `/api/v1/use-cases/${key}/estimates`,
        json("POST", {
          ebitdaLow: String(base - 50_000),
          ebitdaBase: String(base),
          ebitdaHigh: String(base + 50_000),
          investment: "250000",
          runCostPerYear: "20000",
          horizonYears: 3,
          currency: "EUR",
          confidence: "MEDIUM",
        }),
      );
      if (answer.status === 201) bump(acked.estimates, target.id);
    } else if (route === "write: answer checklist item") {
      const item = pick(items.get(target.id) ?? []);
      if (!item) return;
      const answer = await call(
        route,
        user,
        `/api/v1/use-cases/${key}/checklist/${item.id}`,
        json("PATCH", { version: item.version, status: "IN_PROGRESS", note: `Under load #${n}` }),
      );
      if (answer.status === 200) {
        item.version += 1;
        answeredVersion.set(item.id, item.version);
        acked.answers += 1;
      }
    } else {
      const answer = await call(
        route,
        user,
        `/api/v1/use-cases/${key}/comments`,
        json("POST", { body: `Comment under load by ${user.id} (#${n})` }),
      );
      if (answer.status === 201) acked.comments += 1;
    }
  }

  const versionsBefore = new Map(targets.map((t) => [t.id, t.version]));
  const itemVersionsBefore = new Map([...items.values()].flat().map((item) => [item.id, item.version]));
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    users.map(async (user) => {
      // Users start spread over one think time, as people who were already at work.
      await sleep(Math.random() * thinkMs());
      for (let n = 0; performance.now() < deadline; n++) {
        await act(user, n);
        const pause = Math.min(thinkMs(), deadline - performance.now());
        if (pause > 0) await sleep(pause);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;

  // What the database holds, against what was acknowledged.
  const ids = users.map((user) => user.id);
  const count = async (sql: string) => (await client.query<{ n: number }>(sql, [ids])).rows[0]?.n ?? 0;
  const storedComments = await count(`SELECT count(*)::int AS n FROM "Comment" WHERE "authorId" = ANY($1)`);
  const storedEstimates = await count(`SELECT count(*)::int AS n FROM "EstimateRevision" WHERE "authorId" = ANY($1)`);
  const versionsAfter = new Map(
    (
      await client.query<{ id: string; version: number }>(`SELECT id, version FROM "UseCase" WHERE id = ANY($1)`, [
        targets.map((t) => t.id),
      ])
    ).rows.map((row) => [row.id, row.version]),
  );
  const itemsAfter = new Map(
    (
      await client.query<{ id: string; version: number }>(
        `SELECT id, version FROM "ChecklistItem" WHERE id = ANY($1)`,
        [[...answeredVersion.keys()]],
      )
    ).rows.map((row) => [row.id, row.version]),
  );
  const total = (map: Map<string, number>) => [...map.values()].reduce((sum, n) => sum + n, 0);
  const mismatches: string[] = [];
  if (storedComments !== acked.comments)
    mismatches.push(`comments: acknowledged ${acked.comments}, stored ${storedComments}`);
  if (storedEstimates !== total(acked.estimates))
    mismatches.push(`estimates: acknowledged ${total(acked.estimates)}, stored ${storedEstimates}`);
  let versionsRight = 0;
  for (const t of targets) {
    const expected = (versionsBefore.get(t.id) ?? 0) + (acked.edits.get(t.id) ?? 0) + (acked.estimates.get(t.id) ?? 0);
    if (versionsAfter.get(t.id) === expected) versionsRight++;
    else mismatches.push(`UC-${t.number}: version ${versionsAfter.get(t.id)}, expected ${expected}`);
  }
  let itemsRight = 0;
  for (const [id, version] of answeredVersion) {
    if (itemsAfter.get(id) === version) itemsRight++;
    else mismatches.push(`checklist item ${id}: version ${itemsAfter.get(id)}, expected ${version}`);
  }
  const answeredItems = [...answeredVersion.keys()];
  const answersStored = answeredItems.reduce(
    (sum, id) => sum + ((itemsAfter.get(id) ?? 0) - (itemVersionsBefore.get(id) ?? 0)),
    0,
  );

  const routes = [...new Set(outcomes.map((o) => o.route))].sort().map((route) => {
    const rows = outcomes.filter((o) => o.route === route);
    return {
      route,
      stats: percentiles(rows.map((o) => o.ms)),
      errors: rows.filter((o) => o.status === 0 || o.status >= 500).length,
      refused: rows.filter((o) => o.status >= 400 && o.status < 500).length,
      page: route.startsWith("page:"),
    };
  });
  const lines = [
    `${users.length} simulated users for ${elapsed.toFixed(0)} s, each thinking ${thinkSeconds[0]}–${thinkSeconds[1]} s between requests: ${outcomes.length} requests (${Math.round(outcomes.length / elapsed)} req/s), ${outcomes.filter((o) => o.route.startsWith("write:")).length} of them writes.`,
    "",
    "| route under the mixed load | n | p50 ms | p95 ms | p99 ms | 4xx | errors (5xx, network) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...routes.map(
      (r) =>
        `| ${r.route} | ${r.stats.n} | ${r.stats.p50} | ${r.stats.p95} | ${r.stats.p99} | ${r.refused} | ${r.errors} |`,
    ),
    "",
    "| writes under the mixed load | acknowledged | stored |",
    "| --- | ---: | ---: |",
    `| comments (201) | ${acked.comments} | ${storedComments} |`,
    `| estimates (201) | ${total(acked.estimates)} | ${storedEstimates} |`,
    `| checklist answers (200) | ${acked.answers} | ${answersStored} (${itemsRight}/${answeredItems.length} items at their version) |`,
    `| use-case edits (200) | ${total(acked.edits)} | ${versionsRight}/${targets.length} use cases at version + edits + estimates |`,
  ];
  if (failures.length > 0) lines.push("", `First error: ${failures[0]}`);
  return { lines, routes, errors: failures.length, mismatches };
}
