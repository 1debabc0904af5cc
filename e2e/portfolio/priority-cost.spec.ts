// Cost against value: costs recorded on the value case, the net realised value and break-even
// it shows, and the portfolio's cost figures on the dashboard. The people day rate is one
// shared setting, so these tests record amounts (people pricing is tested in
// server/value/costs.test.ts).
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { seriousViolations } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";

const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};

/**
 * A use case in production for 3 months (base 12,000,000,000 a year: 1,000,000,000 a month
 * estimated, far more than realised, so it tops the value leakage), with an estimate whose base
 * payback is 6.0 months, 100,000 of costs before production and realised EBITDA since.
 */
async function seedProduction(prisma: Parameters<typeof makeUseCase>[0], ownerId: string, base = "12000000000") {
  const title = `Cost radar ${Date.now()}`;
  const row = await makeUseCase(prisma, {
    ownerId,
    title,
    benefitArea: "COST_REDUCTION",
    ebitda: { low: "6000000000", base, high: "1000000000000" },
    stage: "PRODUCTION",
    createdAt: new Date(Date.now() - 400 * 86_400_000),
    stageEnteredAt: new Date(`${monthsAgo(3)}-01T00:00:00Z`),
  });
  await prisma.estimateRevision.create({
    data: {
      useCaseId: row.id,
      authorId: ownerId,
      stage: "PACKAGING",
      ebitdaLow: "6000000000",
      ebitdaBase: base,
      ebitdaHigh: "1000000000000",
      investment: "6000000000",
      runCostPerYear: "0",
      horizonYears: 3,
      currency: "EUR",
    },
  });
  await prisma.cost.create({
    data: { useCaseId: row.id, period: monthsAgo(5), category: "OTHER", amount: "100000", authorId: ownerId },
  });
  for (const [n, ebitda] of [
    [3, "40000"],
    [2, "50000"],
  ] as const)
    await prisma.actual.create({ data: { useCaseId: row.id, period: monthsAgo(n), ebitda, authorId: ownerId } });
  return { row, key: formatKey(row.number), title };
}

test("business records a cost on the value case and sees net realised value and break-even against the estimate", async ({
  browser,
  prisma,
}) => {
  test.slow(); // a long journey: several saves and a reload
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const business = await makeUser(prisma, { role: "BUSINESS" });
  const { row, key } = await seedProduction(prisma, owner.id);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, business);
  await page.goto(`/use-cases/${key}#value`);

  const net = page.locator('dl[aria-label="Cost and net value"]');
  await expect(net).toContainText("€100,000"); // cost to date
  await expect(net).toContainText("-€10,000"); // 90,000 realised - 100,000
  await expect(net).toContainText("Not yet");
  await expect(net).toContainText("Estimated payback: 6.0 months");

  const form = page.getByRole("form", { name: "Record a cost" });
  await expect(form.getByRole("button", { name: "Record cost" })).toBeEnabled(); // hydrated
  // People are counted in FTE days, priced at the settings' day rate.
  await form.getByLabel("Category").selectOption("PEOPLE");
  await expect(form.getByLabel("FTE days")).toBeVisible();
  await expect(form.getByText(/day rate|per FTE day/i)).toBeVisible();

  // A cloud bill: a bad amount is refused with the field named, the input kept.
  await form.getByLabel("Category").selectOption("CLOUD");
  await form.getByLabel("Cost month").fill(monthsAgo(2));
  await form.getByLabel("Amount").fill("12.345");
  await form.getByRole("button", { name: "Record cost" }).click();
  await expect(form.getByText("The amount must be like 1250 or 1250.50")).toBeVisible();
  await expect(form.getByLabel("Amount")).toHaveValue("12.345");
  await form.getByLabel("Amount").fill("5,000");
  await form.getByRole("button", { name: "Record cost" }).click();
  await expect(form.getByLabel("Amount")).toHaveValue("");
  await expect(net).toContainText("€105,000");
  await expect(net).toContainText("-€15,000");
  const table = page.getByRole("table", { name: "Costs recorded" });
  await expect(table.getByRole("row", { name: new RegExp(`${monthsAgo(2)} Cloud`) })).toContainText("€5,000");

  // The same month and category again is refused.
  await form.getByLabel("Amount").fill("10");
  await form.getByRole("button", { name: "Record cost" }).click();
  await expect(form.getByText(`${monthsAgo(2)} already has CLOUD costs.`)).toBeVisible();
  expect(await prisma.cost.count({ where: { useCaseId: row.id } })).toBe(2);

  // A month that covers the costs: break-even in the third month in production.
  await prisma.actual.create({
    data: { useCaseId: row.id, period: monthsAgo(1), ebitda: "15000", authorId: owner.id },
  });
  await page.reload();
  await expect(net).toContainText("€0");
  await expect(net).toContainText(`3 months (${monthsAgo(1)})`);
  expect(await seriousViolations(page)).toEqual([]);

  // Through the API: the same figures' inputs, one line per (period, category).
  const listed = await page.request.get(`/api/v1/use-cases/${key}/costs`);
  expect(listed.status()).toBe(200);
  expect(((await listed.json()) as { category: string; amount: string }[]).map((c) => [c.category, c.amount])).toEqual([
    ["OTHER", "100000.00"],
    ["CLOUD", "5000.00"],
  ]);
});

test("a data scientist who does not own the use case sees the costs but no form", async ({ browser, prisma }) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const other = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const { key } = await seedProduction(prisma, owner.id);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, other);
  await page.goto(`/use-cases/${key}#value`);
  await expect(page.getByRole("table", { name: "Costs recorded" })).toContainText("€100,000");
  await expect(page.getByRole("form", { name: "Record a cost" })).toHaveCount(0);
});

test("the dashboard shows cost to date, net realised this year, break-even share and the value leakage", async ({
  page,
  prisma,
  signInAs,
}) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  // The largest base allowed (10^12 a year), so it tops the leakage whatever else the suite seeds.
  const { key, title } = await seedProduction(prisma, owner.id, "1000000000000");
  await signInAs("BUSINESS");
  await page.goto("/");
  const section = page.getByRole("region", { name: "Cost and net value" });
  await expect(section.getByText("Cost to date")).toBeVisible();
  await expect(section.getByText("Net realised this year")).toBeVisible();
  await expect(section.getByText(/of \d+ in production have covered their recorded costs/)).toBeVisible();
  // 10^12 x 2 / 12 = 166,666,666,666.67 estimated for 2 months; 90,000 realised: the biggest shortfall.
  const leak = section.getByRole("listitem").first();
  await expect(leak).toContainText(`${key} · ${title}`);
  await expect(leak).toContainText("€166,666,576,666.67 short");
  await leak.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/use-cases/${key}#value$`));

  const summary = await page.request.get("/api/v1/portfolio/summary");
  const body = (await summary.json()) as { costToDate: string; valueLeakage: { key: string }[] };
  expect(body.costToDate).toMatch(/^\d+\.\d{2}$/);
  expect(body.valueLeakage[0]?.key).toBe(key);
});
