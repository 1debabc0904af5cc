// The risk screening, end to end: a data scientist screens a credit-scoring use case (HIGH),
// G2 is refused while the screening is not approved and the model card is empty, a risk
// officer approves it, the data scientist writes the card, G2 can be requested, and at G3 the
// risk officer is asked to decide. Axe runs on the screening, model card and portfolio pages;
// the register and the heat map are used with the keyboard alone.
import type { Browser, Page } from "@playwright/test";
import { formatKey } from "@/lib/lifecycle";
import { MODEL_CARD_FIELDS } from "@/lib/model-card";
import { makeUseCase, makeUser, satisfyGateCriteria } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { seriousViolations } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";

async function pageAs(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

const question = (page: Page, text: string | RegExp) => page.getByRole("group", { name: text });

test("a data scientist screens credit scoring as high risk; G2 waits for the approval and the model card; RISK decides G3", async ({
  browser,
  prisma,
  request,
}) => {
  test.setTimeout(240_000);
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST", name: "Dana Scientist" });
  const business = await makeUser(prisma, { role: "BUSINESS", name: "Bea Business" });
  const voter = await makeUser(prisma, { role: "BUSINESS", name: "Vic Voter" });
  const itUser = await makeUser(prisma, { role: "IT", name: "Ian Ops" });
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

  // 2. G2 is refused, saying why: the unapproved screening and each empty field of the model card.
  const refused = await request.post(`/api/v1/use-cases/${key}/gates`, { headers: ownerAuth, data: {} });
  expect(refused.status()).toBe(409);
  const refusal = (await refused.json()).errors as { path: string; message: string }[];
  expect(refusal.map((e) => e.path)).toEqual(["riskApproved", "riskModelCard"]);
  const required = MODEL_CARD_FIELDS.filter((f) => f.requiredForHigh);
  for (const field of required) expect(refusal[1]?.message).toContain(field.heading);
  await ds.goto(`/use-cases/${key}#gates`);
  const criteria = ds.getByRole("list", { name: "Entry criteria" });
  await expect(criteria.getByText(/waits for a risk officer's approval/)).toBeVisible();
  await expect(criteria.getByText(/High risk: fill the model card's Intended use, Out-of-scope use/)).toBeVisible();

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

  // 4. The data scientist writes the model card from the gate's link; G2 can be requested now.
  await ds.goto(`/use-cases/${key}#gates`);
  await ds.getByRole("link", { name: "Go to the model card" }).click();
  await expect(ds.getByRole("heading", { name: /Model card of Credit scoring/ })).toBeVisible();
  await expect(ds.getByRole("note")).toContainText("High risk: G2 needs Intended use");
  expect(await seriousViolations(ds)).toEqual([]);
  const card = ds.getByRole("form", { name: "Edit the model card" });
  for (const field of MODEL_CARD_FIELDS)
    await card.getByLabel(field.heading, { exact: false }).fill(`${field.heading} of the credit-scoring model.`);
  await card.getByRole("button", { name: "Save the model card" }).click();
  await expect(card.getByText("Model card saved.")).toBeVisible();
  await expect(ds.getByRole("note")).toHaveCount(0);
  await expect(ds.getByText("Version 1 by Dana Scientist")).toBeVisible();
  const requested = await request.post(`/api/v1/use-cases/${key}/gates`, { headers: ownerAuth, data: {} });
  expect(requested.status()).toBe(201);

  // 5. G2 passes; at G3 the risk officer is a decider besides IT and business.
  const g2 = (await requested.json()) as { id: string };
  for (const user of [voter, itUser]) {
    const auth = { authorization: `Bearer ${await createApiToken(prisma, user.email, "e2e")}` };
    const vote = await request.post(`/api/v1/gates/${g2.id}/decisions`, {
      headers: auth,
      data: { decision: "GO", rationale: "Ready for packaging." },
    });
    expect(vote.status()).toBe(201);
  }
  await satisfyGateCriteria(prisma, "G3", { useCaseId: row.id, authorId: owner.id, itUserId: itUser.id });
  // The high risk tier added its packaging items (marked as coming from the tier).
  expect(
    await prisma.checklistItem.count({
      where: { useCaseId: row.id, stage: "PACKAGING", section: "Required by the high risk tier (EU AI Act)" },
    }),
  ).toBe(5);
  const g3 = await request.post(`/api/v1/use-cases/${key}/gates`, { headers: ownerAuth, data: {} });
  expect(g3.status()).toBe(201);
  expect((await g3.json()).awaiting).toEqual(["IT", "BUSINESS", "RISK"]);
  await officer.goto(`/reviews?q=${key}`);
  await expect(officer.getByRole("link", { name: new RegExp(row.title) }).first()).toBeVisible();
  await officer.goto(`/use-cases/${key}#gates`);
  await expect(
    officer.getByRole("heading", { name: /Review G3 is open, waiting for IT and Business and Risk & compliance/ }),
  ).toBeVisible();
  await expect(officer.getByRole("form", { name: "Decide" })).toBeVisible();
});

test("the risk register and the heat map work with the keyboard alone, and pass axe", async ({
  page,
  prisma,
  signInAs,
}) => {
  test.setTimeout(120_000);
  const user = await signInAs("RISK");
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const row = await makeUseCase(prisma, { ownerId: owner.id, title: `Register ${Date.now()}`, riskTier: "HIGH" });
  const key = formatKey(row.number);
  const title = `Unfair refusals ${Date.now()}`;
  await page.goto(`/use-cases/${key}/risk#register`);
  const form = page.getByRole("form", { name: "Add a risk" });
  await form.getByLabel("Risk", { exact: true }).focus();
  await page.keyboard.type(title);
  await page.keyboard.press("Tab"); // category
  await page.keyboard.press("Tab"); // status
  await page.keyboard.press("Tab"); // likelihood, 3 by default
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab"); // impact
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(form.getByText("Score: 25 of 25.")).toBeVisible();
  for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+Tab"); // back to the title
  await page.keyboard.press("Enter");
  const risks = page.getByRole("list", { name: "Risks" });
  await expect(risks.getByText(title, { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(user.role).toBe("RISK");

  // The heat map's corner cell lists it; reached and opened with the keyboard.
  await page.goto("/risks");
  await expect(page.getByRole("heading", { name: "Risk portfolio" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const corner = page.getByRole("link", { name: /^Likelihood 5, impact 5: \d+ open risks?$/ });
  await corner.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/likelihood=5&impact=5/);
  await expect(page.getByRole("heading", { name: "Open risks of likelihood 5 and impact 5" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Open risks" }).getByRole("link", { name: title })).toBeVisible();
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
