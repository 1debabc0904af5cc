// Guarantee 6, correct under load: simulated users (each their own session and token, roles
// in turn) mix reads and writes against the production server for a while; no 5xx, no
// network error, and what the database holds at the end equals what the server acknowledged.
import { CheckFailed, check, type Role, Run, request, type SeededUser } from "./harness.ts";

type Kind =
  | "page: dashboard"
  | "page: use-case detail"
  | "API: list use cases"
  | "API: portfolio summary"
  | "API: read use case"
  | "write: create use case"
  | "write: edit use case"
  | "write: add feedback"
  | "write: record estimate";

type Outcome = { kind: Kind; status: number; ms: number };

// Who may do what (lib/permissions.ts): IT neither creates, edits nor estimates; business and
// data-science users edit and estimate their own use cases; admins any.
const WRITES_BY_ROLE: Record<Role, Kind[]> = {
  ADMIN: ["write: create use case", "write: edit use case", "write: add feedback", "write: record estimate"],
  BUSINESS: ["write: create use case", "write: edit use case", "write: add feedback", "write: record estimate"],
  DATA_SCIENTIST: ["write: create use case", "write: edit use case", "write: add feedback", "write: record estimate"],
  IT: ["write: add feedback"],
};
const READS: Kind[] = ["page: dashboard", "page: use-case detail", "API: list use cases", "API: portfolio summary"];

export type LoadReport = { lines: string[] };

export async function runLoad(options: { users: number; seconds: number }): Promise<LoadReport> {
  const run = new Run("load");
  try {
    await run.startDb();
    const users = await run.seedUsers(options.users, "load");
    // One token per user at a user's pace: the per-token limit stays on, above what this drives.
    await run.startServer({ ROADBOOK_API_RATE_LIMIT: "100000" });
    run.log(`signing in ${users.length} users…`);
    for (const user of users) user.cookie = await run.signIn(user.email);

    const outcomes: Outcome[] = [];
    const failures: string[] = [];
    const created = new Map<string, number>(); // user id → 201s
    const feedback = new Map<string, number>();
    const estimates = new Map<string, number>();
    const edits = new Map<string, number>(); // use-case key → 200s of PATCH
    const estimatesOn = new Map<string, number>(); // use-case key → 201s of estimates (they bump the version too)
    const owned = new Map<string, string[]>(); // user id → keys of use cases they created
    const allKeys: string[] = [];
    const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

    const call = async (kind: Kind, user: SeededUser, path: string, init: RequestInit = {}) => {
      const page = kind.startsWith("page:");
      const headers: Record<string, string> = page
        ? { cookie: user.cookie ?? "" }
        : { authorization: `Bearer ${user.token}`, "content-type": "application/json" };
      const answer = await request(`${run.base}${path}`, { ...init, headers, timeoutMs: 30_000 });
      outcomes.push({ kind, status: answer.status, ms: answer.ms });
      if (answer.status === 0 || answer.status >= 500)
        failures.push(`${kind} ${path} → ${answer.status || answer.error} ${answer.body.slice(0, 160)}`);
      return answer;
    };
    const createUseCase = async (user: SeededUser, title: string) => {
      const answer = await call("write: create use case", user, "/api/v1/use-cases", {
        method: "POST",
        body: JSON.stringify({ title, summary: "Created under load", benefitArea: "COST_REDUCTION" }),
      });
      if (answer.status !== 201) return;
      const { key } = JSON.parse(answer.body) as { key: string };
      bump(created, user.id);
      owned.set(user.id, [...(owned.get(user.id) ?? []), key]);
      allKeys.push(key);
    };

    // Every user who may create starts with a use case of their own, so all have something to edit.
    for (const user of users) if (user.role !== "IT") await createUseCase(user, `Load: first use case of ${user.id}`);
    check(allKeys.length > 0, "no use case could be created before the load");

    const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
    const editTarget = (user: SeededUser) =>
      user.role === "ADMIN" ? pick(allKeys) : pick(owned.get(user.id) ?? allKeys);

    async function act(user: SeededUser, n: number): Promise<void> {
      const write = Math.random() < 0.4;
      const kind = write ? pick(WRITES_BY_ROLE[user.role]) : pick(READS);
      switch (kind) {
        case "page: dashboard":
          await call(kind, user, "/");
          return;
        case "page: use-case detail":
          await call(kind, user, `/use-cases/${pick(allKeys)}`);
          return;
        case "API: list use cases":
          await call(kind, user, "/api/v1/use-cases?limit=50");
          return;
        case "API: portfolio summary":
          await call(kind, user, "/api/v1/portfolio/summary");
          return;
        case "write: create use case":
          await createUseCase(user, `Load: use case ${n} of ${user.id}`);
          return;
        case "write: edit use case": {
          const key = editTarget(user);
          const read = await call("API: read use case", user, `/api/v1/use-cases/${key}`);
          if (read.status !== 200) return;
          const { version } = JSON.parse(read.body) as { version: number };
          const answer = await call(kind, user, `/api/v1/use-cases/${key}`, {
            method: "PATCH",
            body: JSON.stringify({ version, summary: `Edited by ${user.id} (#${n}) from version ${version}` }),
          });
          if (answer.status === 200) bump(edits, key);
          return;
        }
        case "write: add feedback": {
          const answer = await call(kind, user, `/api/v1/use-cases/${pick(allKeys)}/feedback`, {
            method: "POST",
            body: JSON.stringify({ text: `Feedback ${n} from ${user.id}`, rating: 1 + (n % 5) }),
          });
          if (answer.status === 201) bump(feedback, user.id);
          return;
        }
        case "write: record estimate": {
          const key = editTarget(user);
          const base = 100_000 + (n % 50) * 1000;
          const answer = await call(kind, user, `/api/v1/use-cases/${key}/estimates`, {
            method: "POST",
            body: JSON.stringify({
              ebitdaLow: String(base - 50_000),
              ebitdaBase: String(base),
              ebitdaHigh: String(base + 50_000),
              investment: "250000",
              runCostPerYear: "20000",
              horizonYears: 3,
              currency: "EUR",
              confidence: "MEDIUM",
            }),
          });
          if (answer.status === 201) {
            bump(estimates, user.id);
            bump(estimatesOn, key);
          }
          return;
        }
        default:
          return;
      }
    }

    run.log(`${users.length} users for ${options.seconds} s…`);
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    await Promise.all(
      users.map(async (user) => {
        for (let n = 0; performance.now() < deadline; n++) await act(user, n);
      }),
    );
    const elapsed = (performance.now() - started) / 1000;

    // What the database holds, against what was acknowledged.
    const ids = users.map((user) => user.id);
    const byUser = async (sql: string) =>
      new Map((await run.sql<{ id: string; n: number }>(sql, [ids])).map((row) => [row.id, row.n]));
    const storedCreates = await byUser(
      `SELECT "ownerId" AS id, count(*)::int AS n FROM "UseCase" WHERE "ownerId" = ANY($1) GROUP BY 1`,
    );
    const auditedCreates = await byUser(
      `SELECT "actorId" AS id, count(*)::int AS n FROM "AuditEvent" WHERE action = 'use-case.create' AND "actorId" = ANY($1) GROUP BY 1`,
    );
    const storedFeedback = await byUser(
      `SELECT "authorId" AS id, count(*)::int AS n FROM "Feedback" WHERE "authorId" = ANY($1) GROUP BY 1`,
    );
    const storedEstimates = await byUser(
      `SELECT "authorId" AS id, count(*)::int AS n FROM "EstimateRevision" WHERE "authorId" = ANY($1) GROUP BY 1`,
    );
    const versions = new Map(
      (await run.sql<{ number: number; version: number }>(`SELECT number, version FROM "UseCase"`)).map((row) => [
        `UC-${row.number}`,
        row.version,
      ]),
    );
    const mismatches: string[] = [];
    const compare = (what: string, acked: Map<string, number>, stored: Map<string, number>) => {
      for (const id of ids)
        if ((acked.get(id) ?? 0) !== (stored.get(id) ?? 0))
          mismatches.push(`${what} of ${id}: acknowledged ${acked.get(id) ?? 0}, stored ${stored.get(id) ?? 0}`);
    };
    compare("use cases created", created, storedCreates);
    compare("use-case.create audit events", created, auditedCreates);
    compare("feedback", feedback, storedFeedback);
    compare("estimates", estimates, storedEstimates);
    for (const key of allKeys) {
      const expected = 1 + (edits.get(key) ?? 0) + (estimatesOn.get(key) ?? 0);
      if (versions.get(key) !== expected)
        mismatches.push(
          `${key}: version ${versions.get(key)}, expected 1 + ${edits.get(key) ?? 0} edits + ${estimatesOn.get(key) ?? 0} estimates`,
        );
    }

    const total = (map: Map<string, number>) => [...map.values()].reduce((sum, n) => sum + n, 0);
    const lines = table(outcomes, elapsed);
    const editedKeys = allKeys.filter((key) => edits.has(key) || estimatesOn.has(key));
    lines.push(
      "",
      "| writes | acknowledged | stored |",
      "| --- | ---: | ---: |",
      `| use cases created (201) | ${total(created)} | ${total(storedCreates)} |`,
      `| feedback added (201) | ${total(feedback)} | ${total(storedFeedback)} |`,
      `| estimates recorded (201) | ${total(estimates)} | ${total(storedEstimates)} |`,
      `| edits (200; 409s refused) | ${total(edits)} | ${editedKeys.filter((key) => versions.get(key) === 1 + (edits.get(key) ?? 0) + (estimatesOn.get(key) ?? 0)).length}/${editedKeys.length} use cases at version 1 + edits + estimates |`,
    );
    console.log(`\n${lines.join("\n")}\n`);

    check(failures.length === 0, `${failures.length} 5xx or network errors under load, first: ${failures[0]}`);
    const unexpected = outcomes.filter((o) => o.status !== 200 && o.status !== 201 && o.status !== 409);
    check(
      unexpected.length === 0,
      `${unexpected.length} unexpected answers under load, first: ${unexpected[0]?.kind} → ${unexpected[0]?.status}`,
    );
    check(
      mismatches.length === 0,
      `${mismatches.length} stored counts differ from acknowledged writes, first: ${mismatches[0]}`,
    );
    return { lines };
  } catch (error) {
    if (error instanceof CheckFailed) run.printServerErrors();
    throw error;
  } finally {
    await run.cleanup();
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);
}

function table(outcomes: Outcome[], seconds: number): string[] {
  const kinds = [...new Set(outcomes.map((o) => o.kind))].sort();
  const row = (label: string, rows: Outcome[]) => {
    const ms = rows.map((o) => o.ms).sort((a, b) => a - b);
    const count = (test: (status: number) => boolean) => rows.filter((o) => test(o.status)).length;
    return `| ${label} | ${rows.length} | ${count((s) => s === 200 || s === 201)} | ${count((s) => s === 409)} | ${count((s) => s >= 400 && s < 500 && s !== 409)} | ${count((s) => s >= 500)} | ${count((s) => s === 0)} | ${percentile(ms, 50)} | ${percentile(ms, 95)} |`;
  };
  return [
    `${outcomes.length} requests in ${seconds.toFixed(1)} s (${Math.round(outcomes.length / seconds)} req/s)`,
    "",
    "| requests | n | 2xx | 409 | other 4xx | 5xx | network errors | p50 ms | p95 ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...kinds.map((kind) =>
      row(
        kind,
        outcomes.filter((o) => o.kind === kind),
      ),
    ),
    row("all", outcomes),
  ];
}
