import { parse } from "csv-parse/sync";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { expect, test } from "../support/fixtures";

/** A portfolio of one owner's use cases, so the figures are known whatever other tests create. */
async function seedOwnerPortfolio(prisma: Parameters<typeof makeUseCase>[0]) {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST", name: `Owner ${Date.now()}` });
  const base = { ownerId: owner.id, benefitArea: "COST_REDUCTION" as const };
  const a = await makeUseCase(prisma, {
    ...base,
    title: 'Alpha, the "first"',
    stage: "POC",
    ebitda: { low: "100000", base: "200000", high: "300000" },
  });
  const b = await makeUseCase(prisma, {
    ...base,
    title: "Beta",
    stage: "PROTOTYPE",
    ebitda: { low: "400000", base: "500000", high: "700000" },
  });
  const c = await makeUseCase(prisma, {
    ...base,
    title: "Gamma",
    stage: "PROTOTYPE",
    status: "PAUSED",
    ebitda: { low: "1", base: "2", high: "3" },
  });
  return { owner, rows: [a, b, c] };
}

test("the dashboard's figures follow the filters, link to the use cases behind them, and export as CSV", async ({
  page,
  prisma,
  signInAs,
}) => {
  await signInAs("BUSINESS");
  const { owner, rows } = await seedOwnerPortfolio(prisma);
  await page.goto(`/?owner=${owner.id}`);
  await expect(page.getByRole("link", { name: "Business" })).toHaveAttribute("aria-current", "page");
  const keyFigures = page.getByRole("region", { name: "Key figures" });
  // Active: Alpha (POC) and Beta (prototype); Gamma is paused. Expected value = 200k + 500k.
  await expect(keyFigures.getByRole("link", { name: /Active use cases/ })).toContainText("2");
  await expect(keyFigures.getByRole("link", { name: /Active use cases/ })).toContainText("1 paused, 0 stopped");
  await expect(keyFigures.getByRole("link", { name: /Expected value/ })).toContainText("€700K");
  // Weighted: 200k x 10 % + 500k x 30 % = 170k.
  await expect(keyFigures.getByRole("link", { name: /Weighted pipeline/ })).toContainText("€170K");
  const funnel = page.getByRole("table", { name: "Stage funnel" });
  await expect(funnel.getByRole("row", { name: /^POC/ })).toContainText("3");
  await expect(funnel.getByRole("row", { name: /^Prototype/ })).toContainText("2");

  await page.getByRole("link", { name: /Stage 2 · Prototype\s*1 active/ }).click();
  await expect(page.getByRole("heading", { name: "Use cases", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Beta" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Gamma" })).toHaveCount(0);
  await expect(page.getByText(/Also filtered by owner/)).toBeVisible();

  const csv = await page.request.get(`/use-cases/export.csv?owner=${owner.id}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const records = parse(await csv.text(), { columns: true }) as Record<string, string>[];
  expect(records.map((r) => r.key)).toEqual(rows.map((r) => formatKey(r.number)));
  expect(records[0]).toMatchObject({
    title: 'Alpha, the "first"',
    stage: "POC",
    ebitdaBase: "200000.00",
    currency: "EUR",
  });

  await page.goto(`/portfolio/print?owner=${owner.id}`);
  await expect(page.getByRole("table", { name: /Per stage/ }).getByRole("row", { name: /^Prototype/ })).toContainText(
    "€500,000",
  );
});

test("each group lands on its view, and a card on the board requests its next gate by keyboard", async ({
  page,
  prisma,
  signInAs,
}) => {
  const owner = await signInAs("DATA_SCIENTIST");
  const ready = await makeUseCase(prisma, {
    ownerId: owner.id,
    title: `Ready ${Date.now()}`,
    output: "A score",
    outcome: "A reason",
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "1", base: "2", high: "3" },
    pocResult: "It works",
  });
  await makeUseCase(prisma, { ownerId: owner.id, title: `Blocked ${Date.now()}`, output: "A score" });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Data scientist" })).toHaveAttribute("aria-current", "page");
  const mine = page.getByRole("region", { name: /My use cases/ });
  await expect(mine).toContainText("Ready: request the G1 review.");
  await expect(mine).toContainText("Describe the outcome: why the prediction matters to the business.");

  await page.goto("/board");
  const poc = page.getByRole("list", { name: "POC use cases" }).getByRole("link");
  await expect(poc.nth(1)).toBeVisible();
  await poc.first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(poc.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(poc.first()).toBeFocused();
  const card = page.getByRole("listitem").filter({ hasText: ready.title });
  await card.getByRole("link").focus();
  await page.keyboard.press("Tab");
  await expect(card.getByRole("button", { name: `Request G1 for ${formatKey(ready.number)}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(card.getByRole("button", { name: /Request G1/ })).toHaveCount(0);
  expect(await prisma.gateReview.count({ where: { useCaseId: ready.id, status: "OPEN" } })).toBe(1);
});

test("the portfolio summary over the API, with filters; unknown parameters are refused", async ({
  request,
  prisma,
}) => {
  const viewer = await makeUser(prisma, { role: "IT" });
  const { owner } = await seedOwnerPortfolio(prisma);
  const headers = { authorization: `Bearer ${await createApiToken(prisma, viewer.email, "e2e")}` };
  const response = await request.get(`/api/v1/portfolio/summary?owner=${owner.id}`, { headers });
  expect(response.status()).toBe(200);
  const summary = await response.json();
  expect(summary).toMatchObject({
    currency: "EUR",
    byStage: {
      POC: { count: 1, ebitdaBase: "200000.00" },
      PROTOTYPE: { count: 2, active: 1, ebitdaBase: "500000.00" },
    },
    byStatus: { ACTIVE: 2, PAUSED: 1, STOPPED: 0 },
    gates: { decided: 0, go: 0, stopped: 0 },
    weightedPipeline: "170000.00",
  });
  expect((await request.get("/api/v1/portfolio/summary?colour=blue", { headers })).status()).toBe(422);
  expect((await request.get("/api/v1/portfolio/summary")).status()).toBe(401);
});
