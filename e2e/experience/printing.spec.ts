// What prints: the value case on one page, the portfolio summary with its charts on the next.
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase } from "@/prisma/seed/factories";
import { expect, test } from "../support/fixtures";

/** Pages in a PDF: its page objects (not the /Pages tree). */
const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

test("the value case prints on one A4 or Letter page, however many revisions and months", async ({
  page,
  prisma,
  signInAs,
}) => {
  test.setTimeout(180_000); // 36 rows seeded, then two PDFs
  const owner = await signInAs("DATA_SCIENTIST");
  const row = await makeUseCase(prisma, {
    ownerId: owner.id,
    title: `Print ${Date.now()}`,
    output: "Demand forecast per store and day",
    outcome: "Less waste, fewer empty shelves",
    benefitArea: "COST_REDUCTION",
    ebitda: { low: "400000", base: "600000", high: "900000" },
    stage: "PRODUCTION",
    stageEnteredAt: new Date(Date.now() - 2 * 365 * 86_400_000),
  });
  for (let i = 0; i < 12; i++)
    await prisma.estimateRevision.create({
      data: {
        useCaseId: row.id,
        authorId: owner.id,
        stage: "PROTOTYPE",
        ebitdaLow: String(400000 + i * 1000),
        ebitdaBase: String(600000 + i * 1000),
        ebitdaHigh: String(900000 + i * 1000),
        investment: "300000",
        runCostPerYear: "50000",
        horizonYears: 3,
        currency: "EUR",
        assumptions: `Revision ${i + 1}`,
        createdAt: new Date(Date.now() - (12 - i) * 30 * 86_400_000),
      },
    });
  for (let n = 1; n <= 24; n++) {
    const d = new Date();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - n);
    await prisma.actual.create({
      data: { useCaseId: row.id, period: d.toISOString().slice(0, 7), ebitda: "45000", authorId: owner.id },
    });
  }
  await page.goto(`/use-cases/${formatKey(row.number)}/value-case`);
  await expect(page.getByRole("heading", { name: "Revision history" })).toBeVisible();
  await expect(page.getByText("12 revisions since")).toBeVisible();
  await expect(page.locator("details")).toHaveCount(0); // no disclosure widget to print open
  // Both charts (drift and realised) drawn before printing; their code loads after the page.
  await expect(page.locator(".recharts-wrapper")).toHaveCount(2, { timeout: 60_000 });
  await page.emulateMedia({ media: "print" });
  for (const format of ["A4", "Letter"] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    expect(pageCount(pdf), `${format} pages`).toBe(1);
  }
});

test("the portfolio summary prints with its charts: the tables on one page, the five charts on the next", async ({
  page,
  prisma,
  signInAs,
}) => {
  test.setTimeout(120_000); // two PDFs on a loaded machine
  const owner = await signInAs("BUSINESS");
  await makeUseCase(prisma, {
    ownerId: owner.id,
    title: `Printed portfolio ${Date.now()}`,
    benefitArea: "COST_REDUCTION",
    ebitda: { low: "100000", base: "200000", high: "300000" },
    stage: "PROTOTYPE",
  });
  // One in production, so the fifth chart (realised against estimated) is drawn too.
  await makeUseCase(prisma, {
    ownerId: owner.id,
    title: `Printed production ${Date.now()}`,
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "50000", base: "80000", high: "120000" },
    stage: "PRODUCTION",
  });
  await page.goto(`/portfolio/print?owner=${owner.id}`);
  await expect(page.getByRole("table", { name: /Per stage/ })).toBeVisible();
  const charts = page.getByRole("region", { name: "Charts" });
  // Drawn at once, not when scrolled near: a printout has no scrolling.
  await expect(charts.locator(".recharts-wrapper")).toHaveCount(5, { timeout: 60_000 });
  await expect(charts.getByRole("heading", { name: "Stage funnel" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  for (const format of ["A4", "Letter"] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    expect(pageCount(pdf), `${format} pages`).toBe(2);
  }
});
