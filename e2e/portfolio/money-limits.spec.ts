// The 10^12 maximum amount, round-tripped through the API and PostgreSQL: what is sent is what is
// stored and read back, digit for digit, with the figures computed on it; one cent more is a 422
// naming the field, and nothing is written.

import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { expect, test } from "../support/fixtures";

const MAX = "1000000000000.00";

test("the 10^12 maximum survives the API round trip exactly; one cent more is refused", async ({ request, prisma }) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const auth = { authorization: `Bearer ${await createApiToken(prisma, owner.email, "money limits")}` };
  const row = await makeUseCase(prisma, { ownerId: owner.id });
  const url = `/api/v1/use-cases/UC-${row.number}/estimates`;
  const body = {
    ebitdaLow: MAX,
    ebitdaBase: MAX,
    ebitdaHigh: MAX,
    investment: MAX,
    runCostPerYear: "0.01",
    horizonYears: 10,
    currency: "EUR",
    assumptions: "The largest amount the API takes.",
  };

  const created = await request.post(url, { headers: auth, data: body });
  expect(created.status(), await created.text()).toBe(201);
  const listed = await request.get(url, { headers: auth });
  expect(listed.status()).toBe(200);
  const [newest] = (await listed.json()) as Record<string, unknown>[];
  expect(newest).toMatchObject({
    ebitdaLow: MAX,
    ebitdaBase: MAX,
    ebitdaHigh: MAX,
    investment: MAX,
    runCostPerYear: "0.01",
    // 10^12 - 0.01
    netAnnual: { low: "999999999999.99", base: "999999999999.99", high: "999999999999.99" },
    // (99999999999999 cents * 10 - 10^14) / 10^14 = 8.9999999999999 -> 9.0000
    roi: { low: "9.0000", base: "9.0000", high: "9.0000" },
    // 10^14 * 12 / 99999999999999 = 12.00000000000012 -> 12.0
    paybackMonths: { low: "12.0", base: "12.0", high: "12.0" },
  });
  const stored = await prisma.estimateRevision.findFirstOrThrow({
    where: { useCaseId: row.id },
    orderBy: { createdAt: "desc" },
  });
  expect(stored.ebitdaHigh.toFixed(2)).toBe(MAX);
  expect(stored.investment.toFixed(2)).toBe(MAX);
  const useCase = await request.get(`/api/v1/use-cases/UC-${row.number}`, { headers: auth });
  expect((await useCase.json()).ebitda).toMatchObject({ low: MAX, base: MAX, high: MAX });

  const over = await request.post(url, { headers: auth, data: { ...body, ebitdaHigh: "1000000000000.01" } });
  expect(over.status()).toBe(422);
  expect(over.headers()["content-type"]).toContain("application/problem+json");
  expect((await over.json()).errors).toEqual([
    { path: "ebitdaHigh", message: "High EBITDA must be at most 1,000,000,000,000." },
  ]);
  expect(await prisma.estimateRevision.count({ where: { useCaseId: row.id } })).toBe(1);
});

test("totals past one amount's 13 digits (eleven use cases at the maximum) show on the dashboard and in the summary", async ({
  page,
  prisma,
  signInAs,
}) => {
  const owner = await signInAs("BUSINESS");
  for (let i = 0; i < 11; i++)
    await makeUseCase(prisma, {
      ownerId: owner.id,
      title: `At the maximum ${i}`,
      ebitda: { low: MAX, base: MAX, high: MAX },
    });
  const summary = await page.request.get(`/api/v1/portfolio/summary?owner=${owner.id}`);
  expect(summary.status(), await summary.text()).toBe(200);
  expect((await summary.json()).byStage.POC).toMatchObject({ count: 11, ebitdaBase: "11000000000000.00" });
  const dashboard = await page.goto(`/?owner=${owner.id}`);
  expect(dashboard?.status()).toBe(200);
  await expect(page.getByText("€11,000,000,000,000").first()).toBeVisible();
  const printed = await page.goto(`/portfolio/print?owner=${owner.id}`);
  expect(printed?.status()).toBe(200);
  await expect(page.getByRole("table", { name: /Per stage/ }).getByRole("row", { name: /^POC/ })).toContainText(
    "€11,000,000,000,000",
  );
});
