// Guarantee 4, outage survival: stop the database under a running production server in the
// middle of a write (its transaction has written its first row and waits on a lock for the
// second), check that pages answer 503 with the "database unavailable" page, /api/health 503
// and API writes a 503 problem (no stack trace, no hang), start the database again on the same
// port and data directory, and check that the same server process recovers by itself and that
// the interrupted write left nothing behind: every table holds exactly the rows it held before.
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { CheckFailed, check, Run, request, sleep } from "./harness.ts";

const UNAVAILABLE_TEXT = "The database is not answering";
// The documented page (docs/operations.md, "When the database is down"): status, title and text.
const UNAVAILABLE_PAGE = {
  status: 503,
  title: "<title>Database unavailable · Roadbook</title>",
  heading: `<h1>${UNAVAILABLE_TEXT}</h1>`,
  text: "Roadbook cannot reach its database right now; it is usually back within a minute. Nothing you saved is lost. Try again in a moment.",
};
const PROBLEM_DETAIL = "The database is unavailable; try again in a moment.";
// What must never reach a user: a stack frame, a driver or Prisma message, an internal path.
const LEAKS = /\n\s+at \S|ECONNREFUSED|PrismaClient|Invalid `prisma|node_modules|Can't reach database server|57P01/;

export type OutageReport = { lines: string[] };

export async function runOutage(): Promise<OutageReport> {
  const run = new Run("outage");
  let browser: Browser | undefined;
  const lines: string[] = [];
  const note = (line: string) => {
    lines.push(line);
    run.log(line);
  };
  try {
    await run.startDb();
    const [user] = await run.seedUsers(1, "outage"); // an admin
    check(user, "seeding failed");
    await run.startServer();
    const pid = run.server?.pid as number;
    const cookie = await run.signIn(user.email);
    const bearer = { authorization: `Bearer ${user.token}`, "content-type": "application/json" };
    let acknowledged = 0;
    const createUseCase = (title: string) =>
      request(`${run.base}/api/v1/use-cases`, { method: "POST", headers: bearer, body: JSON.stringify({ title }) });

    const seeded = await createUseCase("Outage survival: seeded before the stop");
    check(
      seeded.status === 201,
      `creating the seeded use case answered ${seeded.status}: ${seeded.body.slice(0, 200)}`,
    );
    acknowledged++;
    for (const path of ["/", "/use-cases"]) {
      const page = await request(`${run.base}${path}`, { headers: { cookie } });
      check(page.status === 200, `before the outage ${path} answered ${page.status}`);
    }

    browser = await launchBrowser();
    const tab = await signedInPage(browser, run.base, cookie);
    await tab.goto(`${run.base}/`);
    await tab.getByRole("link", { name: "Use cases" }).first().waitFor({ timeout: 15_000 });

    // The outage, in the middle of a write of two tables (UseCase, then AuditEvent, one transaction).
    const before = await tableCounts(run);
    const inFlightTitle = "Outage survival: in flight at the stop";
    const { blocked, release } = await holdAuditTable(run);
    const inFlight = request(`${run.base}/api/v1/use-cases`, {
      method: "POST",
      headers: bearer,
      body: JSON.stringify({ title: inFlightTitle }),
      timeoutMs: 30_000,
    });
    const waiting = await blocked().catch(async (error) => {
      const answer = await Promise.race([inFlight, sleep(100).then(() => undefined)]);
      throw new CheckFailed(`${error.message}; the write answered ${answer?.status} ${answer?.body.slice(0, 300)}`);
    });
    note(`a use case create is inside its transaction, ${waiting}, waiting on the audit table's lock`);
    const stoppedAt = performance.now();
    await run.crashDb();
    await release();
    note(
      `database stopped at once (SIGQUIT, port ${run.dbPort}, data dir kept) in ${ms(performance.now() - stoppedAt)}`,
    );
    const interrupted = await inFlight;
    check(
      interrupted.status === 503,
      `the write interrupted by the stop answered ${interrupted.status || interrupted.error}, not 503: ${interrupted.body.slice(0, 200)}`,
    );
    note(`the interrupted POST /api/v1/use-cases → 503 (not acknowledged)`);

    // Pages first: the server learnt of the outage from its own connections, not from a health check.
    for (const path of ["/", "/use-cases"]) {
      const page = await request(`${run.base}${path}`, { headers: { cookie } });
      check(page.status !== 0, `during the outage ${path} did not answer within 10 s (${page.error})`);
      check(
        page.status === UNAVAILABLE_PAGE.status,
        `during the outage ${path} answered ${page.status}, not ${UNAVAILABLE_PAGE.status}`,
      );
      for (const part of [UNAVAILABLE_PAGE.title, UNAVAILABLE_PAGE.heading, UNAVAILABLE_PAGE.text])
        check(page.body.includes(part), `during the outage ${path} does not say ${part}`);
      check(
        page.headers.get("retry-after") === "5",
        `the page's 503 has retry-after ${page.headers.get("retry-after")}`,
      );
      check(!LEAKS.test(page.body), `during the outage ${path} leaks internals: ${page.body.match(LEAKS)?.[0]}`);
      note(`GET ${path} (HTML) → 503 "database unavailable" page, retry-after 5, in ${ms(page.ms)}; no internals`);
    }

    const health = await request(`${run.base}/api/health`);
    check(health.status === 503, `during the outage /api/health answered ${health.status}, not 503`);
    note(`GET /api/health → ${health.status} in ${ms(health.ms)}`);

    // What a user sees: a client navigation (the page's error boundary) and a full load (the global one).
    await tab.getByRole("link", { name: "Use cases" }).first().click();
    await expectText(tab, UNAVAILABLE_TEXT, "a client navigation to /use-cases");
    note(`browser, client navigation to /use-cases: ${await alertText(tab)}`);
    const full = await tab.goto(`${run.base}/`);
    await expectText(tab, UNAVAILABLE_TEXT, "a full load of /");
    note(`browser, full load of / (HTTP ${full?.status()}): ${await alertText(tab)}`);
    check(!LEAKS.test(await tab.content()), "during the outage the rendered page leaks internals");

    for (let i = 1; i <= 3; i++) {
      const write = await createUseCase(`Outage survival: written during the outage ${i}`);
      check(write.status !== 0, `during the outage POST /api/v1/use-cases did not answer within 10 s (${write.error})`);
      check(write.status === 503, `during the outage POST /api/v1/use-cases answered ${write.status}, not 503`);
      check(
        write.headers.get("content-type")?.startsWith("application/problem+json"),
        "the 503 is not an application/problem+json document",
      );
      check(write.headers.get("retry-after") === "5", `the 503 has retry-after ${write.headers.get("retry-after")}`);
      const problem = JSON.parse(write.body) as { status?: number; title?: string; detail?: string };
      check(problem.status === 503 && problem.detail === PROBLEM_DETAIL, `unexpected problem: ${write.body}`);
      if (i === 1) note(`POST /api/v1/use-cases → 503 problem "${problem.detail}" retry-after 5 in ${ms(write.ms)}`);
    }
    const list = await request(`${run.base}/api/v1/use-cases`, { headers: bearer });
    check(list.status === 503, `during the outage GET /api/v1/use-cases answered ${list.status}, not 503`);

    // The database comes back: same port, same data directory; the server is not touched.
    const restartAt = performance.now();
    await run.startDb();
    note(`database started again in ${ms(performance.now() - restartAt)}`);
    const recoveredAt = performance.now();
    for (;;) {
      const answer = await request(`${run.base}/api/health`, { timeoutMs: 3000 });
      if (answer.status === 200) break;
      if (performance.now() - recoveredAt > 15_000)
        throw new CheckFailed(`/api/health still answers ${answer.status} 15 s after the database came back`);
      await sleep(250);
    }
    note(`GET /api/health → 200 ${ms(performance.now() - recoveredAt)} after the restart`);
    const after = await tableCounts(run);
    const changed = Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
    check(
      changed.length === 0,
      `the write interrupted by the stop left rows behind: ${changed.map((t) => `${t} ${before[t]} → ${after[t]}`).join(", ")}`,
    );
    const [trace] = await run.sql<{ n: number }>(
      `SELECT ((SELECT count(*) FROM "UseCase" WHERE title = $1) + (SELECT count(*) FROM "AuditEvent" WHERE after->>'title' = $1))::int AS n`,
      [inFlightTitle],
    );
    check(trace?.n === 0, `the interrupted write's use case or audit event was stored (${trace?.n} rows)`);
    note(
      `no partial write: all ${Object.keys(after).length} tables hold the rows they held before the interrupted write`,
    );
    check(run.server?.pid === pid && run.server.exitCode === null, "the server process did not survive the outage");
    process.kill(pid, 0); // throws when the process is gone
    note(`same server process (pid ${pid}), never restarted`);

    for (const path of ["/", "/use-cases"]) {
      const page = await request(`${run.base}${path}`, { headers: { cookie } });
      check(page.status === 200, `after the restart ${path} answered ${page.status}`);
      check(!page.body.includes(UNAVAILABLE_TEXT), `after the restart ${path} still shows the outage state`);
      if (path === "/use-cases")
        check(page.body.includes("seeded before the stop"), "after the restart /use-cases does not list the use case");
    }
    // The user's "Try again" on the outage page brings the page back.
    await tab.getByRole("button", { name: "Try again" }).click();
    await tab.getByRole("link", { name: "Use cases" }).first().waitFor({ timeout: 15_000 });
    check(!(await tab.getByText(UNAVAILABLE_TEXT).isVisible()), "Try again did not bring the page back");
    note("pages render again; the outage page's Try again brings the dashboard back");

    const written = await createUseCase("Outage survival: written after the restart");
    check(
      written.status === 201,
      `after the restart POST /api/v1/use-cases answered ${written.status}: ${written.body}`,
    );
    acknowledged++;
    const [counts] = await run.sql<{ useCases: number; audited: number }>(
      `SELECT (SELECT count(*)::int FROM "UseCase") AS "useCases",
              (SELECT count(*)::int FROM "AuditEvent" WHERE action = 'use-case.create') AS audited`,
    );
    check(
      counts?.useCases === acknowledged && counts.audited === acknowledged,
      `writes acknowledged ${acknowledged}, stored ${counts?.useCases} use cases and ${counts?.audited} audit events`,
    );
    note(
      `a write succeeds; use cases stored ${counts.useCases} = writes acknowledged ${acknowledged} (no partial write)`,
    );
    return { lines };
  } catch (error) {
    if (!(error instanceof CheckFailed)) throw error;
    run.printServerErrors();
    throw error;
  } finally {
    await browser?.close().catch(() => {});
    await run.cleanup();
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** The number of rows of every table of the schema (migrations' own table aside). */
async function tableCounts(run: Run): Promise<Record<string, number>> {
  const tables = await run.sql<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const [row] = await run.sql<Record<string, number>>(
    `SELECT ${tables.map(({ name }) => `(SELECT count(*)::int FROM "${name}") AS "${name}"`).join(", ")}`,
  );
  check(row && tables.length > 10, `could not count the tables (${tables.length})`);
  return row;
}

/**
 * Hold the audit table locked in a transaction of our own, so that a write that records an audit
 * event blocks inside its transaction after its first rows. `blocked` waits until a backend waits on
 * that lock and says which tables it has written in its transaction; `release` ends our connection (the stop ends it too).
 */
async function holdAuditTable(run: Run): Promise<{ blocked: () => Promise<string>; release: () => Promise<void> }> {
  const holder = new pg.Client({ connectionString: run.dbUrl });
  holder.on("error", () => {}); // the stop terminates it
  await holder.connect();
  await holder.query(`BEGIN; LOCK TABLE "AuditEvent" IN EXCLUSIVE MODE`);
  const blocked = async () => {
    const since = performance.now();
    for (;;) {
      // Another connection: inside the holder's transaction pg_stat_activity would not change.
      const rows = await run.sql<{ pid: number; written: string | null }>(
        `SELECT a.pid, (SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                 WHERE l.pid = a.pid AND l.granted AND l.mode = 'RowExclusiveLock' AND c.relkind = 'r') AS written
           FROM pg_stat_activity a
          WHERE a.wait_event_type = 'Lock' AND a.query ILIKE '%INSERT INTO%AuditEvent%'`,
      );
      const [waiting] = rows;
      if (waiting) return `having written ${waiting.written ?? "nothing"} in it`;
      if (performance.now() - since > 10_000) {
        const activity = await run.sql(
          `SELECT state, wait_event_type, left(query, 120) AS query FROM pg_stat_activity WHERE datname = current_database()`,
        );
        throw new CheckFailed(`the write never reached the audit table's lock: ${JSON.stringify(activity)}`);
      }
      await sleep(50);
    }
  };
  return { blocked, release: () => holder.end().catch(() => {}) };
}

async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import("@playwright/test");
  const { existsSync } = await import("node:fs");
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  try {
    return await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  } catch (error) {
    throw new CheckFailed(`no browser to check what a user sees (set CHROMIUM_PATH): ${(error as Error).message}`);
  }
}

async function signedInPage(browser: Browser, base: string, cookie: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
    }),
  );
  return context.newPage();
}

async function expectText(page: Page, text: string, where: string): Promise<void> {
  try {
    await page.getByText(text).first().waitFor({ timeout: 15_000 });
  } catch {
    const shown = (
      await page
        .locator("body")
        .textContent()
        .catch(() => "")
    )
      ?.replace(/\s+/g, " ")
      .slice(0, 200);
    throw new CheckFailed(`during the outage ${where} does not show "${text}"; it shows: ${shown || "(nothing)"}`);
  }
}

async function alertText(page: Page): Promise<string> {
  const alert = page.getByRole("alert").filter({ hasText: UNAVAILABLE_TEXT }).first();
  const parts = await Promise.all([alert.locator("h1").textContent(), alert.locator("p").first().textContent()]);
  const shell = (await page.getByRole("link", { name: "Use cases" }).count()) > 0 ? "in the app shell" : "full page";
  const text = parts.map((part) => (part ?? "").replace(/\s+/g, " ").trim()).join(" — ");
  return `"${text}" (${shell}, with a Try again button)`;
}
