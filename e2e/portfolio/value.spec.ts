import type { Page } from "@playwright/test";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { expect, signIn, test } from "../support/fixtures";

const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};

async function seedProductionCase(prisma: Parameters<typeof makeUseCase>[0], ownerId: string, sponsorId: string) {
  const row = await makeUseCase(prisma, {
    ownerId,
    sponsorId,
    title: `Churn radar ${Date.now()}`,
    output: "Churn probability per subscriber, weekly",
    outcome: "Retention calls the right customers first",
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "900000", base: "1200000", high: "1500000" },
    stage: "PRODUCTION",
    createdAt: new Date(Date.now() - 500 * 86_400_000),
    stageEnteredAt: new Date(`${monthsAgo(3)}-01T00:00:00Z`),
  });
  const snapshot = (low: string, base: string, high: string) => ({
    takenAt: new Date().toISOString(),
    ebitda: { low, base, high, currency: "EUR" },
    revision: null,
  });
  for (const [from, to, band] of [
    ["POC", "PROTOTYPE", snapshot("500000.00", "1000000.00", "2000000.00")],
    ["PROTOTYPE", "PACKAGING", snapshot("800000.00", "1100000.00", "1600000.00")],
    ["PACKAGING", "PRODUCTION", snapshot("900000.00", "1200000.00", "1500000.00")],
  ] as const) {
    await prisma.gateReview.create({
      data: {
        useCaseId: row.id,
        fromStage: from,
        toStage: to,
        status: "DECIDED",
        decision: "GO",
        decidedAt: new Date(),
        rationale: "ok",
        requestedById: ownerId,
        estimateSnapshot: band,
      },
    });
  }
  // 3 months at 100,000 a month estimated (1.2M / 12); realised 60k + 90k + 120k = 270k: -10 %.
  for (const [n, ebitda] of [
    [3, "60000"],
    [2, "90000"],
    [1, "120000"],
  ] as const) {
    await prisma.actual.create({ data: { useCaseId: row.id, period: monthsAgo(n), ebitda, authorId: ownerId } });
  }
  return row;
}

async function pageAs(
  browser: import("@playwright/test").Browser,
  user: { email: string; password: string },
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  return page;
}

test("a business sponsor reads the drift across gates and realised against estimated value", async ({
  browser,
  prisma,
}) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const business = await makeUser(prisma, { role: "BUSINESS" });
  const row = await seedProductionCase(prisma, owner.id, business.id);
  const key = formatKey(row.number);
  const page = await pageAs(browser, business);
  await page.goto(`/use-cases/${key}`);
  await expect(
    page.getByText(/The model predicts Churn probability per subscriber, weekly, so that Retention calls/),
  ).toBeVisible();

  const value = page.getByRole("region", { name: "Value case" });
  const drift = value.getByRole("table", { name: "Estimate drift" });
  await expect(drift.getByRole("row")).toHaveCount(5); // header, G1, G2, G3, today
  await expect(drift.getByRole("row", { name: /^G1/ })).toContainText("€2,000,000");
  await expect(drift.getByRole("row", { name: /^Today/ })).toContainText("€1,200,000");
  await expect(value.locator(".recharts-surface").first()).toBeVisible();

  const realised = value.locator('dl[aria-label="Realised against estimated"]');
  await expect(realised).toContainText("€270,000");
  await expect(realised).toContainText("€300,000");
  await expect(realised).toContainText("−10.00 %");
  // The sponsor may revise the estimate; amounts accept thousands separators.
  await value.getByRole("button", { name: "Revise the estimate" }).click();
  const form = page.getByRole("form", { name: "Revise the estimate" });
  await form.getByLabel("Low EBITDA per year").fill("1,000,000");
  await form.getByLabel("Base EBITDA per year").fill("1 300 000");
  await form.getByLabel("High EBITDA per year").fill("1.600.000,00");
  await form.getByLabel("One-off investment").fill("0");
  await form.getByLabel("Run cost per year").fill("100,000");
  await form.getByRole("button", { name: "Save the revision" }).click();
  await expect(form.getByText("The investment must be more than zero.")).toBeVisible();
  await expect(form.getByLabel("Base EBITDA per year")).toHaveValue("1 300 000");
  await form.getByLabel("One-off investment").fill("600000");
  await form.getByRole("button", { name: "Save the revision" }).click();
  await expect(form).toHaveCount(0);
  const figures = value.getByRole("table", { name: "Value figures per scenario" });
  // base: net 1.2M; ROI (1.2M*3 - 0.6M)/0.6M = 500 %; payback 600k*12/1.2M = 6 months
  await expect(figures.getByRole("row", { name: /ROI over 3 years/ })).toContainText("500.00 %");
  await expect(figures.getByRole("row", { name: /Payback/ })).toContainText("6.0 months");
  await expect(drift.getByRole("row", { name: /^Today/ })).toContainText("€1,300,000");

  await page.goto(`/use-cases/${key}/value-case`);
  await expect(page.getByRole("heading", { name: "Decisions so far" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
});

test("realised value is recorded once per month; a duplicate month is refused with the field named", async ({
  browser,
  prisma,
}) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const business = await makeUser(prisma, { role: "BUSINESS" });
  const row = await seedProductionCase(prisma, owner.id, business.id);
  const page = await pageAs(browser, owner);
  await page.goto(`/use-cases/${formatKey(row.number)}#value`);
  const form = page.getByRole("form", { name: "Record realised value" });
  await expect(form.getByRole("button", { name: "Record" })).toBeEnabled(); // hydrated: typing is kept
  await form.getByLabel("Month").fill(monthsAgo(1));
  await form.getByLabel("Realised EBITDA").fill("5,000");
  await form.getByRole("button", { name: "Record" }).click();
  await expect(form.getByText(`${monthsAgo(1)} is already recorded.`)).toBeVisible();
  await form.getByLabel("Month").fill(monthsAgo(0));
  await form.getByRole("button", { name: "Record" }).click();
  await expect(form.getByLabel("Realised EBITDA")).toHaveValue("");
  expect(await prisma.actual.count({ where: { useCaseId: row.id } })).toBe(4);
  expect(
    (await prisma.actual.findFirstOrThrow({ where: { useCaseId: row.id, period: monthsAgo(0) } })).ebitda.toFixed(2),
  ).toBe("5000.00");
});
