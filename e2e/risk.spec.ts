// The risk screening, end to end: a data scientist screens a credit-scoring use case (HIGH),
// G2 is refused while the screening is not approved, a risk officer approves it, and G2 can
// be requested. Axe runs on the screening page for both.
import type { Browser, Page } from "@playwright/test";
import { formatKey } from "../lib/lifecycle";
import { makeUseCase, makeUser, satisfyGateCriteria } from "../prisma/seed/factories";
import { createApiToken } from "../server/auth/api-tokens";
import { seriousViolations } from "./axe";
import { expect, signIn, test } from "./fixtures";

async function pageAs(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

const question = (page: Page, text: string | RegExp) => page.getByRole("group", { name: text });

test("a data scientist screens credit scoring as high risk; G2 waits for the risk officer's approval", async ({
  browser,
  prisma,
  request,
}) => {
  test.setTimeout(150_000);
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST", name: "Dana Scientist" });
  const business = await makeUser(prisma, { role: "BUSINESS", name: "Bea Business" });
  const risk = await makeUser(prisma, { role: "RISK", name: "Rita Risk" });
  const row = await makeUseCase(prisma, {
    ownerId: owner.id,
    sponsorId: business.id,
    title: `Credit scoring ${Date.now()}`,
    stage: "PROTOTYPE",
    riskTier: null,
  });
  await satisfyGateCriteria(prisma, "G2", { useCaseId: row.id, authorId: owner.id });
  const key = formatKey(row.number);
  const ownerAuth = { authorization: `Bearer ${await createApiToken(prisma, owner.email, "e2e")}` };

  // 1. The owner screens it, and sees the tier the answers give before submitting.
  const ds = await pageAs(browser, owner);
  await ds.goto(`/use-cases/${key}`);
  await expect(ds.getByText("Risk: not screened")).toBeVisible();
  await ds.getByRole("link", { name: /Risk: not screened/ }).click();
  await expect(ds.getByRole("heading", { name: /Risk screening of Credit scoring/ })).toBeVisible();
  await expect(ds.getByRole("note")).toContainText("A screening aid, not legal advice.");
  expect(await seriousViolations(ds)).toEqual([]);

  await question(ds, /prohibited practices/)
    .getByRole("checkbox", { name: "None of these" })
    .check();
  await question(ds, /used in any of these areas/)
    .getByRole("checkbox", { name: /Access to essential services: credit scoring/ })
    .check();
  await expect(ds.getByText("Your answers give:")).toBeVisible();
  await expect(ds.getByText("Risk: High")).toBeVisible();
  // Submitting with questions unanswered: each says so, and the answers stay.
  await ds.getByRole("button", { name: "Submit for review" }).click();
  await expect(ds.getByText("Answer every required question before submitting.")).toBeVisible();
  await expect(
    question(ds, /used in any of these areas/).getByRole("checkbox", { name: /Access to essential services/ }),
  ).toBeChecked();

  await question(ds, /safety component/)
    .getByRole("radio", { name: "No" })
    .check();
  await question(ds, /interact with the system directly/)
    .getByRole("radio", { name: "No" })
    .check();
  await question(ds, /generate or manipulate/)
    .getByRole("radio", { name: "No" })
    .check();
  await question(ds, /personal data/)
    .getByRole("radio", { name: "Yes" })
    .check();
  await ds.getByLabel(/Who is affected/).fill("Retail customers applying for a loan, about 40,000 a year.");
  await question(ds, /oversee/)
    .getByRole("radio", { name: /confirms every output/ })
    .check();
  await ds.getByRole("button", { name: "Submit for review" }).click();
  await expect(ds.getByText("Submitted for review ·")).toBeVisible();
  await expect(ds.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(ds.getByText(/^Submitted · revision 1 · High/)).toBeVisible();
  expect((await prisma.useCase.findUniqueOrThrow({ where: { id: row.id } })).riskTier).toBe("HIGH");

  // 2. G2 is refused, saying why.
  const refused = await request.post(`/api/v1/use-cases/${key}/gates`, { headers: ownerAuth, data: {} });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).errors.map((e: { path: string }) => e.path)).toEqual(["riskApproved"]);
  await ds.goto(`/use-cases/${key}#gates`);
  await expect(
    ds.getByRole("list", { name: "Entry criteria" }).getByText(/waits for a risk officer's approval/),
  ).toBeVisible();

  // 3. The risk officer approves, with a rationale.
  const officer = await pageAs(browser, risk);
  await officer.goto(`/use-cases/${key}/risk`);
  const review = officer.getByRole("form", { name: "Review the screening" });
  await review.getByRole("radio", { name: /Approve/ }).check();
  await review.getByRole("button", { name: "Record the review" }).click();
  await expect(review.getByText("Give the rationale for the review.")).toBeVisible();
  await review.getByLabel("Rationale").fill("Creditworthiness of natural persons: Annex III, point 5(b).");
  await review.getByRole("button", { name: "Record the review" }).click();
  await expect(officer.getByText(/^Approved · revision 1 · High · Rita Risk/)).toBeVisible();
  await expect(officer.getByRole("form", { name: "Review the screening" })).toHaveCount(0);
  expect(await seriousViolations(officer)).toEqual([]);

  // 4. G2 can be requested now.
  const requested = await request.post(`/api/v1/use-cases/${key}/gates`, { headers: ownerAuth, data: {} });
  expect(requested.status()).toBe(201);
});

test("the list filters by risk tier", async ({ page, prisma, signInAs }) => {
  const user = await signInAs("BUSINESS");
  const tag = `Tiered ${Date.now()}`;
  const high = await makeUseCase(prisma, { ownerId: user.id, title: `${tag} high`, riskTier: "HIGH" });
  await makeUseCase(prisma, { ownerId: user.id, title: `${tag} minimal`, riskTier: "MINIMAL" });
  await page.goto(`/use-cases?q=${encodeURIComponent(tag)}`);
  await page.getByLabel("Risk tier").selectOption("HIGH");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/riskTier=HIGH/);
  await expect(page.getByRole("link", { name: `${tag} high` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${tag} minimal` })).toHaveCount(0);
  expect(high.riskTier).toBe("HIGH");
});
