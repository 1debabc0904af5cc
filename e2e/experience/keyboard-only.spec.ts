// A keyboard-only journey: sign in, create a use case, request G1, decide it.
// After each page.goto, every interaction is a key press or typed text (Tab, Shift+Tab, Enter,
// Space, arrows, keyboard.type): no click, fill, check or selectOption. Locators only assert.
// Each control is reached by pressing Tab from where focus is, which proves it is in the tab
// order, and each focused control is checked for a visible focus indicator.
import type { Browser, Locator, Page } from "@playwright/test";
import { makeUser } from "@/prisma/seed/factories";
import { expect, test } from "../support/fixtures";

type Person = { email: string; password: string };

/** A short description of the focused element, for failure messages. */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "<body> (nothing focused)";
    const label =
      el.getAttribute("aria-label") ??
      (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
      el.textContent ??
      "";
    return `<${el.tagName.toLowerCase()}> "${label.trim().slice(0, 60)}"`;
  });
}

/** Does the focused element show where focus is: an outline that is not none/transparent, or a box-shadow (a ring)? */
async function expectVisibleFocus(page: Page, what: string) {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return {
      outlineStyle: s.outlineStyle,
      outlineWidth: s.outlineWidth,
      outlineColor: s.outlineColor,
      boxShadow: s.boxShadow,
    };
  });
  expect(style, `${what}: nothing is focused`).not.toBeNull();
  if (!style) return;
  const transparent = (color: string) => color === "transparent" || /rgba\(.*,\s*0\)$/.test(color);
  const outline =
    style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor);
  const ring = style.boxShadow !== "none" && style.boxShadow !== "";
  expect(outline || ring, `${what} has no visible focus indicator: ${JSON.stringify(style)}`).toBe(true);
}

/**
 * Press Tab (or Shift+Tab) until `target` has focus: it is reachable by keyboard, in tab order.
 * Fails naming `what` and the element that had focus last if it never gets there.
 */
async function tabTo(page: Page, target: Locator, what: string, { maxTabs = 60, backwards = false } = {}) {
  await expect(target, `${what} should be on the page`).toBeVisible();
  for (let presses = 0; presses < maxTabs; presses++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expect(target).toBeFocused();
      await expectVisibleFocus(page, what);
      return;
    }
  }
  throw new Error(
    `${what} never got keyboard focus after ${maxTabs} × ${backwards ? "Shift+Tab" : "Tab"}; focus ended on ${await describeFocus(page)}`,
  );
}

/** Sign in on /login with the keyboard only; lands on `callbackUrl` (the dashboard by default). */
async function signInByKeyboard(page: Page, user: Person, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  const submit = page.getByRole("button", { name: "Sign in" });
  await expect(submit).toBeEnabled(); // hydrated: typing now is not lost
  await tabTo(page, page.getByLabel("Email"), "the Email field");
  await page.keyboard.type(user.email);
  await tabTo(page, page.getByLabel("Password"), "the Password field", { maxTabs: 3 });
  await page.keyboard.type(user.password);
  await tabTo(page, submit, "the Sign in button", { maxTabs: 3 });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(callbackUrl ? new RegExp(`${callbackUrl}$`) : /\/$/);
}

async function keyboardPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("keyboard only: sign in, create a use case, request G1, decide it", async ({ browser, prisma }) => {
  // Two people in their own browsers, one key at a time: slower than a clicking test.
  test.setTimeout(120_000);
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST", name: `Kay Keyboard ${Date.now()}` });
  // BUSINESS decides G1 (GATES in lib/lifecycle.ts).
  const business = await makeUser(prisma, { role: "BUSINESS", name: `Bo Keyboard ${Date.now()}` });
  const title = `Keyboard churn model ${Date.now()}`;

  // 1. The data scientist signs in and finds "New use case" through the sidebar.
  const ds = await keyboardPage(browser);
  await signInByKeyboard(ds, owner);
  const sidebar = ds.getByRole("navigation", { name: "Main" });
  await tabTo(ds, sidebar.getByRole("link", { name: "Use cases", exact: true }), "the sidebar link Use cases");
  await ds.keyboard.press("Enter");
  await expect(ds).toHaveURL(/\/use-cases$/);
  await expect(ds.getByRole("heading", { name: "Use cases", exact: true })).toBeVisible();
  await tabTo(ds, ds.getByRole("link", { name: "New use case" }), "the New use case link");
  await ds.keyboard.press("Enter");
  await expect(ds).toHaveURL(/\/use-cases\/new$/);
  await expect(ds.getByRole("heading", { name: "New use case" })).toBeVisible();

  // 2. The intake form, field by field in tab order. Everything G1 checks (output, outcome,
  // benefit area, EBITDA range, POC result) is given here, so no seeding is needed for the gate.
  const create = ds.getByRole("button", { name: "Create use case" });
  await expect(create).toBeEnabled(); // hydrated
  await tabTo(ds, ds.getByLabel("Title", { exact: true }), "the Title field");
  await ds.keyboard.type(title);
  await tabTo(ds, ds.getByLabel("Summary"), "the Summary field", { maxTabs: 3 });
  await ds.keyboard.type("Predict which customers are about to leave");
  await tabTo(ds, ds.getByLabel("Output"), "the Output field", { maxTabs: 3 });
  await ds.keyboard.type("Churn probability per customer, weekly");
  await tabTo(ds, ds.getByLabel("Outcome"), "the Outcome field", { maxTabs: 3 });
  await ds.keyboard.type("Retention offers go to the customers at risk");
  await tabTo(ds, ds.getByLabel("POC result"), "the POC result field", { maxTabs: 3 });
  await ds.keyboard.type("AUC 0.81 on last year's data");
  const benefitArea = ds.getByLabel("Benefit area");
  await tabTo(ds, benefitArea, "the Benefit area select", { maxTabs: 3 });
  // Options: Not decided yet, Revenue growth, Cost reduction. Arrows change a closed select in place.
  await ds.keyboard.press("ArrowDown");
  await ds.keyboard.press("ArrowDown");
  await expect(benefitArea).toHaveValue("COST_REDUCTION");
  await tabTo(ds, ds.getByLabel("EBITDA low"), "the EBITDA low field", { maxTabs: 3 });
  await ds.keyboard.type("200000");
  await tabTo(ds, ds.getByLabel("EBITDA base"), "the EBITDA base field", { maxTabs: 3 });
  await ds.keyboard.type("350000");
  await tabTo(ds, ds.getByLabel("EBITDA high"), "the EBITDA high field", { maxTabs: 3 });
  await ds.keyboard.type("500000");
  // Currency (EUR), owner (the signer-in) and sponsor (none) keep their defaults.
  await tabTo(ds, create, "the Create use case button", { maxTabs: 6 });
  await ds.keyboard.press("Enter");
  await expect(ds.getByRole("heading", { name: title })).toBeVisible();
  await expect(ds).toHaveURL(/\/use-cases\/UC-\d+$/);
  const key = new URL(ds.url()).pathname.split("/").pop() as string;
  const stored = await prisma.useCase.findFirstOrThrow({ where: { title } });
  expect(stored).toMatchObject({ ownerId: owner.id, benefitArea: "COST_REDUCTION", stage: "POC" });
  // G1 also needs a submitted risk screening (its form has its own journey in e2e/risk/risk.spec.ts).
  await prisma.useCase.update({ where: { id: stored.id }, data: { riskTier: "MINIMAL" } });
  await ds.reload();

  // 3. Request G1: jump with the in-page "Gates" link, then Tab into the request form.
  const onThisPage = ds.getByRole("navigation", { name: "On this page" });
  await tabTo(ds, onThisPage.getByRole("link", { name: "Gates" }), "the in-page link Gates");
  await ds.keyboard.press("Enter");
  await expect(ds).toHaveURL(new RegExp(`/use-cases/${key}#gates$`));
  const criteria = ds.getByRole("list", { name: "Entry criteria" });
  await expect(criteria.getByText("POC result recorded")).toBeVisible();
  await expect(criteria.getByText("EBITDA range estimated")).toBeVisible();
  const requestForm = ds.getByRole("form", { name: "Request the gate review" });
  const requestButton = requestForm.getByRole("button", { name: "Request review: G1" });
  await expect(requestButton).toBeEnabled(); // hydrated
  await tabTo(ds, requestForm.getByLabel("Note to the deciders"), "the Note to the deciders field");
  await ds.keyboard.type("The POC separates churners well; ready for a prototype");
  await tabTo(ds, requestForm.getByLabel("Evidence links"), "the Evidence links field", { maxTabs: 3 });
  await ds.keyboard.type("https://wiki.example.com/churn-poc");
  // What is put up for approval: the commit and the registered model (optional, left empty here).
  await tabTo(ds, requestForm.getByLabel("Commit (optional)"), "the Commit field", { maxTabs: 3 });
  await tabTo(ds, requestForm.getByLabel("Model (optional)"), "the Model field", { maxTabs: 1 });
  await tabTo(ds, requestForm.getByLabel("Model version (optional)"), "the Model version field", { maxTabs: 1 });
  await tabTo(ds, requestButton, "the Request review: G1 button", { maxTabs: 3 });
  await ds.keyboard.press("Enter");
  await expect(ds.getByRole("heading", { name: /Review G1 is open, waiting for Business/ })).toBeVisible();
  await expect(ds.getByText("You requested this review; the deciders will be told.")).toBeVisible();

  // 4. Business signs in (its own browser) and decides on the use case's page. Its review inbox
  // lists every review waiting for business, which other tests fill in parallel, so it comes
  // straight to this use case, as from the link in its notification.
  const biz = await keyboardPage(browser);
  await signInByKeyboard(biz, business, `/use-cases/${key}`);
  await expect(biz.getByRole("heading", { name: title })).toBeVisible();
  const decide = biz.getByRole("form", { name: "Decide" });
  const record = decide.getByRole("button", { name: "Record decision" });
  await expect(record).toBeEnabled(); // hydrated
  await tabTo(
    biz,
    biz.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Gates" }),
    "the in-page link Gates",
  );
  await biz.keyboard.press("Enter");
  // Nothing is chosen yet, so Tab enters the radio group on its first option, Go; Space chooses it.
  const go = decide.getByRole("radio", { name: "Go", exact: true });
  await tabTo(biz, go, "the Go radio button");
  await expect(go).not.toBeChecked();
  await biz.keyboard.press("Space");
  await expect(go).toBeChecked();
  // The arrows move within the group (and choose): down to Go with conditions, and back up to Go.
  await biz.keyboard.press("ArrowDown");
  await expect(decide.getByRole("radio", { name: "Go with conditions" })).toBeChecked();
  await biz.keyboard.press("ArrowUp");
  await expect(go).toBeChecked();
  await expect(go).toBeFocused();
  await tabTo(biz, decide.getByLabel("Rationale"), "the Rationale field", { maxTabs: 3 });
  await biz.keyboard.type("Clear value case and a convincing POC");
  // Shift+Tab goes back into the group on the chosen option, and Tab forward again.
  await tabTo(biz, go, "the chosen Go radio button (Shift+Tab)", { maxTabs: 1, backwards: true });
  await tabTo(biz, decide.getByLabel("Rationale"), "the Rationale field", { maxTabs: 1 });
  await expect(decide.getByLabel("Rationale")).toHaveValue("Clear value case and a convincing POC");
  await tabTo(biz, record, "the Record decision button", { maxTabs: 3 });
  await biz.keyboard.press("Enter");
  await expect(decide).toHaveCount(0); // recorded: business decides no more

  // 5. G1 passed: the use case is a prototype.
  await expect(biz.getByRole("list", { name: "Stage" }).locator('[aria-current="step"]')).toContainText("Prototype");
  const timeline = biz.getByRole("list", { name: "Gate timeline" });
  await expect(timeline).toContainText("Clear value case and a convincing POC");
  expect((await prisma.useCase.findUniqueOrThrow({ where: { id: stored.id } })).stage).toBe("PROTOTYPE");
  const review = await prisma.gateReview.findFirstOrThrow({
    where: { useCaseId: stored.id },
    include: { votes: true },
  });
  expect(review).toMatchObject({ status: "DECIDED", decision: "GO", requestedById: owner.id });
  expect(review.votes).toMatchObject([{ role: "BUSINESS", decision: "GO", voterId: business.id }]);

  await ds.context().close();
  await biz.context().close();
});
