import type { Browser, Page } from "@playwright/test";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser, satisfyGateCriteria } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { expect, signIn, test } from "../support/fixtures";

type Person = { email: string; password: string };

/** A page in its own browser context, signed in as `user` (several people act in one test). */
async function pageAs(browser: Browser, user: Person): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function expectStage(page: Page, key: string, stage: string) {
  await page.goto(`/use-cases/${key}`);
  await expect(page.getByRole("list", { name: "Stage" }).locator('[aria-current="step"]')).toContainText(stage);
}

async function requestReview(page: Page, key: string, gate: string, note: string) {
  await page.goto(`/use-cases/${key}`);
  await page.getByLabel("Note to the deciders").fill(note);
  await page.getByRole("button", { name: `Request review: ${gate}` }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`Review ${gate} is open`) })).toBeVisible();
}

async function decide(page: Page, decision: string, rationale: string) {
  const form = page.getByRole("form", { name: "Decide" });
  await form.getByRole("radio", { name: decision, exact: true }).check();
  await form.getByLabel("Rationale").fill(rationale);
  await form.getByRole("button", { name: "Record decision" }).click();
  await expect(form).toHaveCount(0); // recorded: this role decides no more
}

test("the whole journey G1 → G2 → G3 across the roles until production", async ({ browser, prisma }) => {
  // Three browsers and three gates: about a minute on a busy 2-core machine.
  test.setTimeout(150_000);
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST", name: "Dana Scientist" });
  const business = await makeUser(prisma, { role: "BUSINESS", name: "Bea Business" });
  const itUser = await makeUser(prisma, { role: "IT", name: "Ivo Ops" });
  const title = `Demand forecast ${Date.now()}`;
  const row = await makeUseCase(prisma, {
    ownerId: owner.id,
    sponsorId: business.id,
    title,
    output: "Daily demand per store and product",
    outcome: "Fewer stock-outs and less waste",
    benefitArea: "COST_REDUCTION",
    ebitda: { low: "300000", base: "600000", high: "900000" },
    pocResult: "MAPE 12% against 21% for the current rule",
  });
  const key = formatKey(row.number);
  const ds = await pageAs(browser, owner);
  const biz = await pageAs(browser, business);
  const ops = await pageAs(browser, itUser);

  // G1: every criterion met; the owner asks with evidence; business decides from the inbox.
  await ds.goto(`/use-cases/${key}`);
  await expect(ds.getByRole("list", { name: "Entry criteria" }).getByText("POC result recorded")).toBeVisible();
  await ds.getByLabel("Evidence links").fill("not a link");
  await ds.getByLabel("Note to the deciders").fill("The POC beat the rule by 9 points");
  await ds.getByRole("button", { name: "Request review: G1" }).click();
  await expect(ds.getByText(/An evidence link must be a full http/)).toBeVisible();
  await expect(ds.getByLabel("Note to the deciders")).toHaveValue("The POC beat the rule by 9 points");
  await ds.getByLabel("Evidence links").fill("https://wiki.example.com/demand-poc");
  await ds.getByRole("button", { name: "Request review: G1" }).click();
  await expect(ds.getByRole("heading", { name: /Review G1 is open, waiting for Business/ })).toBeVisible();
  await expect(ds.getByText("You requested this review; the deciders will be told.")).toBeVisible();
  await expect(ds.getByRole("form", { name: "Decide" })).toHaveCount(0);

  await biz.goto("/notifications");
  await expect(biz.getByRole("link", { name: new RegExp(`${key}.*waits for your decision at G1`) })).toBeVisible();
  // The inbox holds every open review of the shared database, 20 a page: find this one by its key.
  await biz.goto("/reviews");
  await biz.getByRole("searchbox", { name: "Find a use case" }).fill(key);
  await biz.getByRole("button", { name: "Find", exact: true }).click();
  await expect(biz).toHaveURL(new RegExp(`/reviews\\?q=${key}$`));
  const entry = biz.getByRole("article", { name: `${key} ${title}` });
  await expect(entry.getByRole("link", { name: "https://wiki.example.com/demand-poc" })).toBeVisible();
  await entry.getByRole("radio", { name: "Go with conditions" }).check();
  await entry.getByLabel("Rationale").fill("Good, with a data contract");
  // The decision schema the server applies runs in the browser first: no server action is sent.
  const actionsSent: string[] = [];
  biz.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) actionsSent.push(request.url());
  });
  await entry.getByRole("button", { name: "Record decision" }).click();
  await expect(entry.getByText("Say what must be done.")).toBeVisible();
  expect(actionsSent).toEqual([]);
  await expect(entry.getByLabel("Rationale")).toHaveValue("Good, with a data contract");
  await entry.getByRole("radio", { name: "Go", exact: true }).check();
  await entry.getByRole("button", { name: "Record decision" }).click();
  await expect(biz.getByRole("article", { name: `${key} ${title}` })).toHaveCount(0);
  await expectStage(ds, key, "Prototype");
  await expect(ds.getByRole("list", { name: "Entry criteria" })).toContainText(
    "5 of 5 prototype checklist items are still open.",
  );
  await expect(ds.getByRole("button", { name: /Request review/ })).toHaveCount(0);

  // G2: feedback through the UI, the rest seeded; business votes, then IT with a condition.
  await ds
    .getByRole("textbox", { name: "Feedback", exact: true })
    .fill("Store managers trust the forecast for fresh products");
  await ds.getByRole("button", { name: "Add feedback" }).click();
  // In the Feedback section (the Activity section shows the text too, as what the event added).
  await expect(
    ds.locator("#feedback").getByText("Store managers trust the forecast for fresh products", { exact: true }),
  ).toBeVisible();
  await satisfyGateCriteria(prisma, "G2", { useCaseId: row.id, authorId: owner.id });
  await requestReview(ds, key, "G2", "Pilot in 12 stores done");
  await biz.goto(`/use-cases/${key}`);
  await decide(biz, "Go", "Pilot results hold");
  await expect(biz.getByRole("heading", { name: /Review G2 is open, waiting for IT/ })).toBeVisible();
  await ops.goto(`/reviews?q=${key}`);
  const itEntry = ops.getByRole("article", { name: `${key} ${title}` });
  await itEntry.getByRole("radio", { name: "Go with conditions" }).check();
  await itEntry.getByLabel("Rationale").fill("Monitoring must cover drift");
  await itEntry.getByLabel("Condition 1", { exact: true }).fill("Add drift alerts to Grafana");
  // By id: other spec files make users named "Dana Scientist" too (the screenshots do).
  await itEntry.getByLabel("Owner of condition 1", { exact: true }).selectOption({ value: owner.id });
  await itEntry.getByLabel("Due date of condition 1", { exact: true }).fill(inDays(21));
  await itEntry.getByRole("button", { name: "Record decision" }).click();
  await expect(ops.getByRole("article", { name: `${key} ${title}` })).toHaveCount(0);
  await expectStage(ds, key, "Packaging");
  const conditions = ds.getByRole("list", { name: "Conditions" });
  await expect(conditions).toContainText("Add drift alerts to Grafana");
  await conditions.getByRole("button", { name: "Mark “Add drift alerts to Grafana” as done" }).click();
  await expect(conditions.getByText("Done")).toBeVisible();

  // G3: packaging checklist signed off by IT and a production service (seeded); IT and business both go.
  await satisfyGateCriteria(prisma, "G3", { useCaseId: row.id, authorId: owner.id, itUserId: itUser.id });
  await requestReview(ds, key, "G3", "Packaged and handed over");
  await ops.goto(`/use-cases/${key}`);
  await decide(ops, "Go", "Runbook and monitoring in place");
  await expect(ops.getByRole("heading", { name: /Review G3 is open, waiting for Business/ })).toBeVisible();
  await biz.goto(`/use-cases/${key}`);
  await decide(biz, "Go", "Value case holds");
  await expectStage(ds, key, "Production");
  await expect(ds.getByText("In production: every gate is passed.")).toBeVisible();
  await expect(ds.getByRole("list", { name: "Gate timeline" }).getByRole("article")).toHaveCount(3);
  await ds.goto("/notifications");
  await expect(ds.getByRole("link", { name: new RegExp(`${key}.*decided: Go`) }).first()).toBeVisible();
  expect((await prisma.useCase.findUniqueOrThrow({ where: { id: row.id } })).stage).toBe("PRODUCTION");
});

test("gates over the API: unmet criteria 409 with the list, non-decider 403, then request and decide", async ({
  request,
  prisma,
}) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const business = await makeUser(prisma, { role: "BUSINESS" });
  const auth = async (email: string) => ({ authorization: `Bearer ${await createApiToken(prisma, email, "e2e")}` });
  const ownerAuth = await auth(owner.email);
  const businessAuth = await auth(business.email);
  const row = await makeUseCase(prisma, { ownerId: owner.id, output: "A score" });
  const key = formatKey(row.number);

  const refused = await request.post(`/api/v1/use-cases/${key}/gates`, { headers: ownerAuth, data: {} });
  expect(refused.status()).toBe(409);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect((await refused.json()).errors.map((e: { path: string }) => e.path)).toEqual([
    "outcome",
    "benefitArea",
    "ebitdaRange",
    "pocResult",
  ]);

  await prisma.useCase.update({
    where: { id: row.id },
    data: {
      outcome: "o",
      benefitArea: "REVENUE_GROWTH",
      ebitdaLow: "1",
      ebitdaBase: "2",
      ebitdaHigh: "3",
      pocResult: "p",
    },
  });
  expect((await request.post(`/api/v1/use-cases/${key}/gates`, { headers: businessAuth })).status()).toBe(403);
  const created = await request.post(`/api/v1/use-cases/${key}/gates`, { headers: ownerAuth });
  expect(created.status()).toBe(201);
  const gate = await created.json();
  expect(gate).toMatchObject({ useCaseKey: key, fromStage: "POC", toStage: "PROTOTYPE", status: "OPEN" });
  expect((await request.post(`/api/v1/use-cases/${key}/gates`, { headers: ownerAuth })).status()).toBe(409);

  const vote = { decision: "GO", rationale: "ok" };
  expect((await request.post(`/api/v1/gates/${gate.id}/decisions`, { headers: ownerAuth, data: vote })).status()).toBe(
    403,
  );
  expect(
    (
      await request.post(`/api/v1/gates/${gate.id}/decisions`, { headers: businessAuth, data: { decision: "MAYBE" } })
    ).status(),
  ).toBe(422);
  const decided = await request.post(`/api/v1/gates/${gate.id}/decisions`, { headers: businessAuth, data: vote });
  expect(decided.status()).toBe(201);
  expect(await decided.json()).toMatchObject({
    status: "DECIDED",
    decision: "GO",
    estimateSnapshot: { ebitda: { base: "2.00" } },
  });
  expect(
    (await request.post(`/api/v1/gates/${gate.id}/decisions`, { headers: businessAuth, data: vote })).status(),
  ).toBe(409);
  const list = await (await request.get(`/api/v1/use-cases/${key}/gates`, { headers: ownerAuth })).json();
  expect(list).toHaveLength(1);
  expect((await (await request.get(`/api/v1/use-cases/${key}`, { headers: ownerAuth })).json()).stage).toBe(
    "PROTOTYPE",
  );
});
