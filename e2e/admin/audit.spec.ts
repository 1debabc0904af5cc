import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { seriousViolations } from "../support/axe";
import { expect, postCredentials, signIn, test } from "../support/fixtures";

test("an edit shows in the use case's Activity, and an admin filters the trail and exports it as CSV", async ({
  page,
  browser,
  prisma,
}) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const admin = await makeUser(prisma, { role: "ADMIN" });
  const stamp = Date.now().toString(36);
  const oldTitle = `Churn radar ${stamp}`;
  const newTitle = `Churn radar v2 ${stamp}`;
  const row = await makeUseCase(prisma, { ownerId: owner.id, title: oldTitle });
  const key = formatKey(row.number);

  // The owner edits the title through the UI.
  await signIn(page, owner);
  await page.goto(`/use-cases/${key}`);
  await page.getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeEnabled();
  await page.getByLabel("Title", { exact: true }).fill(newTitle);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByRole("heading", { name: newTitle })).toBeVisible();

  await page.reload();
  const activity = page.getByRole("region", { name: "Activity" });
  const edit = activity.getByRole("row").filter({ hasText: "edited the use case" });
  await expect(edit).toHaveCount(1);
  await expect(edit).toContainText(owner.name);
  // Field by field: the label, the old value struck out, the new one inserted; the raw JSON kept.
  const title = edit.getByRole("listitem").filter({ hasText: /^Title:/ });
  await expect(title.locator("del")).toHaveText(`removed: ${oldTitle}`);
  await expect(title.locator("ins")).toHaveText(`added: ${newTitle}`);
  await expect(title).toHaveText(`Title: removed: ${oldTitle} → added: ${newTitle}`);
  await edit.getByText("Raw JSON").click();
  expect(JSON.parse((await edit.locator("pre").textContent()) ?? "")).toEqual({
    before: { title: oldTitle },
    after: { title: newTitle },
  });

  // An admin, in another browser, opens the Audit trail from the sidebar and filters it.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const adminPage = await context.newPage();
    await signIn(adminPage, admin);
    await adminPage.goto("/");
    await adminPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" }).click();
    await expect(adminPage.getByRole("heading", { name: "Audit trail", level: 1 })).toBeVisible();
    const filters = adminPage.getByRole("form", { name: "Filter the audit trail" });
    await filters.getByLabel("Use case", { exact: true }).fill(key);
    await filters.getByLabel("Action starts with").fill("use-case.");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(adminPage).toHaveURL(new RegExp(`[?&]useCase=${key}(&|$)`));
    await expect(adminPage).toHaveURL(/[?&]action=use-case\.(&|$)/);
    await expect(filters.getByLabel("Use case", { exact: true })).toHaveValue(key);

    const events = adminPage.getByRole("table").getByRole("row").filter({ hasText: "edited the use case" });
    await expect(events).toHaveCount(1);
    await expect(events).toContainText(owner.name);
    await expect(events).toContainText("use-case.update · UseCase");
    await expect(events.getByRole("link", { name: key, exact: true })).toBeVisible();
    await expect(events.locator("del")).toHaveText(`removed: ${oldTitle}`);
    await expect(events.locator("ins")).toHaveText(`added: ${newTitle}`);
    // Only this use case's events: every row links to it.
    const keys = await adminPage.getByRole("table").getByRole("row").getByRole("link").allInnerTexts();
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys)).toEqual(new Set([key]));

    // The CSV export carries the same filters and the same row.
    const exportLink = filters.getByRole("link", { name: "Export CSV" });
    await expect(exportLink).toHaveAttribute("href", `/admin/audit/export.csv?useCase=${key}&action=use-case.`);
    const downloading = adminPage.waitForEvent("download");
    await exportLink.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^roadbook-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), "utf8");
    const records = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.useCase === key && r.action?.startsWith("use-case."))).toBe(true);
    const csvEdit = records.find((r) => r.action === "use-case.update");
    expect(csvEdit).toMatchObject({ actor: owner.name, actorId: owner.id, entity: "UseCase", entityId: row.id });
    expect(JSON.parse(csvEdit?.before ?? "{}")).toMatchObject({ title: oldTitle });
    expect(JSON.parse(csvEdit?.after ?? "{}")).toMatchObject({ title: newTitle });
    expect(csvEdit?.requestId).not.toBe("");

    // Another action prefix leaves none of this use case's edits.
    await filters.getByLabel("Action starts with").fill("gate.");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(adminPage).toHaveURL(/[?&]action=gate\.(&|$)/);
    await expect(adminPage.getByText("No events match.")).toBeVisible();
  } finally {
    await context.close();
  }
});

test("business reads one use case's events over the API but not the whole trail, nor the Audit page", async ({
  page,
  request,
  prisma,
}) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const business = await makeUser(prisma, { role: "BUSINESS" });
  const row = await makeUseCase(prisma, { ownerId: owner.id, title: `Audit api ${Date.now()}` });
  const key = formatKey(row.number);
  const ownerAuth = { authorization: `Bearer ${await createApiToken(prisma, owner.email, "e2e")}` };
  const businessAuth = { authorization: `Bearer ${await createApiToken(prisma, business.email, "e2e")}` };

  const patched = await request.patch(`/api/v1/use-cases/${key}`, {
    headers: ownerAuth,
    data: { version: 1, outcome: "Fewer customers leave" },
  });
  expect(patched.status()).toBe(200);

  const whole = await request.get("/api/v1/audit", { headers: businessAuth });
  expect(whole.status()).toBe(403);
  expect(whole.headers()["content-type"]).toContain("application/problem+json");
  expect((await request.get("/api/v1/audit?action=use-case.", { headers: businessAuth })).status()).toBe(403);

  const scoped = await request.get(`/api/v1/audit?useCase=${key}`, { headers: businessAuth });
  expect(scoped.status()).toBe(200);
  const { items } = (await scoped.json()) as { items: Record<string, unknown>[] };
  expect(items.length).toBeGreaterThan(0);
  expect(items.every((item) => item.useCaseKey === key)).toBe(true);
  expect(items).toContainEqual(
    expect.objectContaining({
      action: "use-case.update",
      actorId: owner.id,
      entity: "UseCase",
      before: expect.objectContaining({ outcome: "" }),
      after: expect.objectContaining({ outcome: "Fewer customers leave" }),
      requestId: patched.headers()["x-request-id"],
    }),
  );

  await signIn(page, business);
  await page.goto("/admin/audit");
  await expect(
    page.getByText("The audit trail is for admins. A use case's own Activity is on its page."),
  ).toBeVisible();
  await expect(page.getByRole("form", { name: "Filter the audit trail" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
  const csv = await page.request.get("/admin/audit/export.csv");
  expect(csv.status()).toBe(403);
});

test("a failed sign-in appears in the audit trail for an admin", async ({ page, request, prisma, signInAs }) => {
  const target = await makeUser(prisma, { role: "IT" });
  const wrong = `not-the-password-${Date.now()}`;
  const failed = await postCredentials(request, target.email, wrong);
  expect(failed.status()).toBe(401);
  expect((await postCredentials(request, target.email, target.password)).status()).toBe(200);
  // Neither the wrong password nor the right one is anywhere in the trail.
  for (const secret of [wrong, target.password]) {
    const rows = await prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "AuditEvent"
      WHERE coalesce(before::text, '') LIKE ${`%${secret}%`} OR coalesce(after::text, '') LIKE ${`%${secret}%`}`;
    expect(Number(rows[0]?.n), "audit events holding a password").toBe(0);
  }

  await signInAs("ADMIN");
  await page.goto("/admin/audit");
  const filters = page.getByRole("form", { name: "Filter the audit trail" });
  await filters.getByLabel("Action starts with").fill("auth.");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]action=auth\.(&|$)/);
  const attempt = page.getByRole("row").filter({ hasText: target.email }).filter({ hasText: "failed to sign in" });
  await expect(attempt).toHaveCount(1);
  await expect(attempt).toContainText("failed to sign in");
  await expect(attempt).toContainText("auth.sign-in-failed · User");
  await expect(attempt).toContainText("system");
  await expect(attempt).not.toContainText(wrong);
});

test("the activity page shows a long text's change word by word, and amounts formatted", async ({ page, prisma }) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const auth = { authorization: `Bearer ${await createApiToken(prisma, owner.email, "audit diff")}` };
  const before = "Score every customer monthly for the risk of closing their accounts within a year.";
  const row = await makeUseCase(prisma, { ownerId: owner.id, summary: before });
  const key = formatKey(row.number);
  const { version } = await (await page.request.get(`/api/v1/use-cases/${key}`, { headers: auth })).json();
  const edited = await page.request.patch(`/api/v1/use-cases/${key}`, {
    headers: auth,
    data: { version, summary: before.replace("monthly", "weekly") },
  });
  expect(edited.status(), await edited.text()).toBe(200);
  const estimate = await page.request.post(`/api/v1/use-cases/${key}/estimates`, {
    headers: auth,
    data: {
      ebitdaLow: "400000",
      ebitdaBase: "600000",
      ebitdaHigh: "900000.50",
      investment: "300000",
      runCostPerYear: "50000",
      horizonYears: 3,
      currency: "EUR",
      assumptions: "Pilot figures.",
    },
  });
  expect(estimate.status(), await estimate.text()).toBe(201);

  await signIn(page, owner);
  await page.goto(`/use-cases/${key}/activity`);
  const summary = page
    .getByRole("row")
    .filter({ hasText: "edited the use case" })
    .getByRole("listitem")
    .filter({ hasText: /^Summary:/ });
  // Only the word that changed is marked; the rest of the sentence reads as it was.
  await expect(summary.locator("del")).toHaveText("removed: monthly");
  await expect(summary.locator("ins")).toHaveText("added: weekly");
  await expect(summary).toContainText("for the risk of closing their accounts within a year.");
  const revision = page.getByRole("row").filter({ hasText: "revised the value estimate" });
  await expect(revision.getByRole("listitem").filter({ hasText: /^EBITDA base:/ })).toHaveText("EBITDA base: €600,000");
  await expect(revision.getByRole("listitem").filter({ hasText: /^EBITDA high:/ })).toHaveText(
    "EBITDA high: €900,000.50",
  );
  expect(await seriousViolations(page)).toEqual([]);
});
