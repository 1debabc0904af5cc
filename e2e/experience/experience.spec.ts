// The experience on a phone and on a fresh instance: filters that fold behind a button and apply
// on change, with chips that match the URL; the funnel's figures; the first-load JS; and the
// getting-started checklist after /setup (on its own server and empty database, like
// first-run.spec.ts). Dates and languages: locale.spec.ts; printing: printing.spec.ts.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { startThrowawayDb } from "@/scripts/test/throwaway-db";
import { type AppServer, startAppServer } from "../support/app-server";
import { seriousViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const PHONE = { width: 390, height: 844 }; // iPhone 13

/** The chips' filter names, in order, and the URL's parameters that are filters. */
async function chipNames(page: Page) {
  return page
    .getByRole("list", { name: "Active filters" })
    .locator("li[data-filter]")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-filter")));
}

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("the dashboard's first screen shows the value figures, not the filters", async ({ page, signInAs }) => {
    await signInAs("BUSINESS");
    await page.goto("/");
    await expect(page.getByText("Expected value (active)")).toBeInViewport();
    await expect(page.getByRole("button", { name: "Filters (0)" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Filter the portfolio" })).toBeHidden();
  });

  test('"Filters (2)" opens a sheet that applies each change, and the chips match the URL', async ({
    page,
    prisma,
    signInAs,
  }) => {
    test.setTimeout(150_000); // axe on a loaded 2-core machine
    const owner = await signInAs("DATA_SCIENTIST");
    const title = `Phone filter ${Date.now()}`;
    await makeUseCase(prisma, { ownerId: owner.id, title, stage: "PROTOTYPE", benefitArea: "COST_REDUCTION" });
    await page.goto("/use-cases?stage=PROTOTYPE&status=ACTIVE");
    expect(await chipNames(page)).toEqual(["stage", "status"]);
    await page.getByRole("button", { name: "Filters (2)" }).click();
    const sheet = page.getByRole("dialog", { name: "Filters" });
    await expect(sheet).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await sheet.getByLabel("Benefit area").selectOption("COST_REDUCTION");
    await expect(page).toHaveURL(/benefitArea=COST_REDUCTION/);
    await sheet.getByRole("button", { name: "Show results" }).click();
    await expect(sheet).toBeHidden();
    await expect(page.getByRole("button", { name: "Filters (3)" })).toBeVisible();
    const params = new URL(page.url()).searchParams;
    expect(await chipNames(page)).toEqual(["stage", "status", "benefitArea"]);
    expect([...params.keys()].filter((key) => key !== "sort")).toEqual(["stage", "status", "benefitArea"]);
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    // A chip removes its filter from the URL, and the results follow.
    await page.getByRole("link", { name: "Remove filter Stage: Prototype" }).click();
    await expect(page).not.toHaveURL(/stage=/);
    expect(await chipNames(page)).toEqual(["status", "benefitArea"]);
  });
});

test("the list applies filters on change (text after a pause), shows them as chips, and Clear all empties the URL", async ({
  page,
  prisma,
  signInAs,
}) => {
  test.setTimeout(120_000); // several server renders in a row on a loaded 2-core machine
  const owner = await signInAs("DATA_SCIENTIST");
  const title = `Live filter ${Date.now()}`;
  await makeUseCase(prisma, { ownerId: owner.id, title });
  await page.goto("/use-cases");
  const form = page.getByRole("form", { name: "Filter use cases" });
  await expect(form.getByRole("button", { name: "Apply" })).toBeVisible(); // the no-script fallback stays
  await form.getByRole("searchbox", { name: "Search" }).fill(title);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(title).replace(/%20/g, "\\+")}`));
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(1);
  await expect(page.getByRole("link", { name: `Remove filter Search: ${title}` })).toBeVisible();
  // By name: a wrapping label's text takes in its options ("Sort" offers "Furthest stage").
  await form.locator('select[name="stage"]').selectOption("PRODUCTION");
  await expect(page).toHaveURL(/stage=PRODUCTION/);
  await expect(page.getByText("No use case matches these filters")).toBeVisible();
  await page.getByRole("link", { name: "Clear all" }).click();
  await expect(page).toHaveURL(/\/use-cases(\?sort=updated)?$/); // the sort order is kept: not a filter
  // The fields follow the URL.
  await expect(form.getByRole("searchbox", { name: "Search" })).toHaveValue("");
  await expect(form.locator('select[name="stage"]')).toHaveValue("");
});

test("a filter chosen before the scripts load survives hydration", async ({ page, prisma, signInAs }) => {
  const owner = await signInAs("BUSINESS");
  const tag = `Early choice ${Date.now()}`;
  await makeUseCase(prisma, { ownerId: owner.id, title: `${tag} high`, riskTier: "HIGH" });
  await makeUseCase(prisma, { ownerId: owner.id, title: `${tag} minimal`, riskTier: "MINIMAL" });
  // Hold the page's scripts back until the user has chosen, as on a slow connection.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  // Scripts only: the parser waits for the stylesheets (in the same folder) before inline scripts.
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`/use-cases?q=${encodeURIComponent(tag)}`, { waitUntil: "commit" }); // "load" awaits scripts
  const form = page.getByRole("form", { name: "Filter use cases" });
  const tier = form.locator('select[name="riskTier"]');
  await tier.selectOption("HIGH");
  release();
  // Hydrated: React has attached itself to the form.
  await page.waitForFunction(() => {
    const element = document.querySelector('form[aria-label="Filter use cases"]');
    return element !== null && Object.keys(element).some((key) => key.startsWith("__reactFiber"));
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  await expect(tier).toHaveValue("HIGH"); // was reset to "Any" by the fields' sync with the URL
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/riskTier=HIGH/);
  await expect(page.getByRole("link", { name: `${tag} high` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${tag} minimal` })).toHaveCount(0);
});

test("the stage funnel shows its figures on the bars and the conversion from the stage before", async ({
  page,
  prisma,
  signInAs,
}) => {
  await signInAs("BUSINESS");
  const team = `Funnel ${Date.now()}`;
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST", team });
  for (const stage of ["POC", "POC", "PROTOTYPE", "PRODUCTION"] as const)
    await makeUseCase(prisma, { ownerId: owner.id, stage });
  await page.goto(`/?team=${encodeURIComponent(team)}`);
  const table = page.getByRole("table", { name: "Stage funnel" });
  await expect(table.getByRole("columnheader", { name: "From the stage before" })).toBeAttached();
  // Reached: POC 4, Prototype 2, Packaging 1, Production 1.
  await expect(table.getByRole("row", { name: /Prototype/ })).toHaveText(/Prototype\s*2\s*50%/);
  await expect(table.getByRole("row", { name: /Packaging/ })).toHaveText(/1\s*50%/);
  const funnel = page.getByRole("figure").filter({ hasText: "Stage funnel" });
  await funnel.scrollIntoViewIfNeeded();
  await expect(funnel.locator(".recharts-label-list")).toContainText("2 · 50%");
});

test("the dashboard and the list stay within 200 kB of first-load JS (gzip) with the filters' sheet", async ({
  page,
  signInAs,
}) => {
  await signInAs("BUSINESS");
  for (const route of ["/", "/use-cases"]) {
    const html = await (await page.request.get(route)).text();
    // As scripts/bench.ts counts it: the scripts the HTML loads, not the chunks loaded on demand.
    const scripts = [
      ...new Set(
        [...html.matchAll(/<(?:script|link)\b[^>]*>/g)]
          .map((m) => m[0])
          .filter((tag) => !/nomodule/i.test(tag))
          .flatMap((tag) => /(?:src|href)="(\/_next\/static\/[^"]+\.js)"/.exec(tag)?.[1] ?? []),
      ),
    ];
    let bytes = 0;
    for (const script of scripts) bytes += gzipSync(await (await page.request.get(script)).body()).length;
    expect(Math.round(bytes / 1024), route).toBeLessThanOrEqual(200);
  }
});

test.describe("a fresh instance", () => {
  let server: AppServer;
  let db: { url: string; stop: () => Promise<void> };
  let dir: string;

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    dir = mkdtempSync(path.join(os.tmpdir(), "roadbook-getting-started-"));
    db = await startThrowawayDb("getting-started");
    const port = String(Number(new URL(test.info().project.use.baseURL ?? "http://127.0.0.1:3210").port) + 9);
    server = await startAppServer({
      port,
      env: {
        DATABASE_URL: db.url,
        NEXTAUTH_SECRET: "getting-started-secret-getting-started-secret",
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        ROADBOOK_PROBE_INTERVAL_MINUTES: "0",
        ROADBOOK_PASSWORD_LOGIN: "on",
        ROADBOOK_SETUP_CODE_FILE: path.join(dir, "setup-code"),
      },
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    await db?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("after /setup the admin gets a checklist that ticks 'import or create' after the first use case", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const code = readFileSync(path.join(dir, "setup-code"), "utf8").trim();
    await page.goto(`${server.url}/setup`);
    await page.getByLabel("Setup code").fill(code);
    await page.getByLabel("Name").fill("Grace Admin");
    await page.getByLabel("Email").fill("grace@getting-started.test");
    await page.getByLabel("Password").fill("orbit-tangerine-walrus-81");
    await page.getByRole("button", { name: "Create admin account" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.getByLabel("Email").fill("grace@getting-started.test");
    await page.getByLabel("Password").fill("orbit-tangerine-walrus-81");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(`${server.url}/`);

    const checklist = page.getByRole("region", { name: "Getting started" });
    await expect(checklist).toBeVisible();
    await expect(checklist.getByText("0 of 5 done")).toBeVisible();
    const step = checklist.locator('[data-step="use-cases"]');
    await expect(step).toHaveAttribute("data-done", "false");
    expect(await seriousViolations(page)).toEqual([]);

    await step.getByRole("link", { name: /New use case/ }).click();
    await expect(page).toHaveURL(/\/use-cases\/new$/);
    await page.getByLabel("Title").fill("First forecast");
    await page.getByRole("button", { name: "Create use case" }).click();
    await expect(page.getByRole("heading", { name: "First forecast" })).toBeVisible();

    await page.goto(`${server.url}/`);
    await expect(checklist.locator('[data-step="use-cases"]')).toHaveAttribute("data-done", "true");
    await expect(checklist.getByText("1 of 5 done")).toBeVisible();
    await expect(checklist.locator('[data-step="people"]')).toHaveAttribute("data-done", "false");

    // Hidden for good once dismissed.
    await checklist.getByRole("button", { name: "Hide checklist" }).click();
    await expect(checklist).toBeHidden();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Portfolio" })).toBeVisible();
    await expect(checklist).toBeHidden();
  });
});
