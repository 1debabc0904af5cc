// Guarantee 4, outage survival: stop the database under a running production server, check
// that pages, /api/health and API writes answer a clean "database unavailable" (no stack
// trace, no 500, no hang), start the database again on the same port and data directory, and
// check that the same server process recovers by itself with no partial write left behind.
import type { Browser, Page } from "@playwright/test";
import { CheckFailed, check, Run, request, sleep } from "./harness.ts";

const UNAVAILABLE_TEXT = "The database is not answering";
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

    // The outage.
    const stoppedAt = performance.now();
    await run.stopDb();
    note(`database stopped (port ${run.dbPort}, data dir kept) in ${ms(performance.now() - stoppedAt)}`);

    const health = await request(`${run.base}/api/health`);
    check(health.status === 503, `during the outage /api/health answered ${health.status}, not 503`);
    note(`GET /api/health → ${health.status} in ${ms(health.ms)}`);

    for (const path of ["/", "/use-cases"]) {
      const page = await request(`${run.base}${path}`, { headers: { cookie } });
      check(page.status !== 0, `during the outage ${path} did not answer within 10 s (${page.error})`);
      check(page.status >= 500, `during the outage ${path} answered ${page.status}`);
      check(!LEAKS.test(page.body), `during the outage ${path} leaks internals: ${page.body.match(LEAKS)?.[0]}`);
      note(`GET ${path} (HTML) → ${page.status} in ${ms(page.ms)}, no stack trace or driver message in the body`);
    }

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

    const after = await createUseCase("Outage survival: written after the restart");
    check(after.status === 201, `after the restart POST /api/v1/use-cases answered ${after.status}: ${after.body}`);
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
