import type { Browser, Page } from "@playwright/test";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser, satisfyGateCriteria } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { expect as baseExpect, signIn, test } from "../support/fixtures";

// Sign-in and server actions wait on password hashing and the database: generous on a busy CI machine.
const expect = baseExpect.configure({ timeout: 30_000 });

// G3 requested with its criteria met; then, before the last GO, the production service is
// removed. The deciding vote is refused (409 over the API, a clear message in the decision
// form), nothing is recorded, and the use case stays in packaging with the review open.

async function pageAs(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  return page;
}

async function g3UnderReview(prisma: Parameters<typeof makeUseCase>[0]) {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const business = await makeUser(prisma, { role: "BUSINESS" });
  const itUser = await makeUser(prisma, { role: "IT" });
  const row = await makeUseCase(prisma, { ownerId: owner.id, sponsorId: business.id, stage: "PACKAGING" });
  await satisfyGateCriteria(prisma, "G3", { useCaseId: row.id, authorId: owner.id, itUserId: itUser.id });
  return { owner, business, itUser, row, key: formatKey(row.number) };
}

test("the API refuses the deciding GO with 409 listing the criteria that no longer hold", async ({
  request,
  prisma,
}) => {
  const { owner, business, itUser, row, key } = await g3UnderReview(prisma);
  const as = async (email: string) => ({ authorization: `Bearer ${await createApiToken(prisma, email, "e2e")}` });
  const requested = await request.post(`/api/v1/use-cases/${key}/gates`, { headers: await as(owner.email), data: {} });
  expect(requested.status()).toBe(201);
  const reviewId = ((await requested.json()) as { id: string }).id;
  const go = { decision: "GO", rationale: "Looks fine" };
  const decisions = `/api/v1/gates/${reviewId}/decisions`;
  expect((await request.post(decisions, { headers: await as(business.email), data: go })).status()).toBe(201);

  // A packaging item goes back to TODO (IT's sign-off is voided with it), over the API.
  const item = await prisma.checklistItem.findFirstOrThrow({ where: { useCaseId: row.id, stage: "PACKAGING" } });
  const reset = await request.patch(`/api/v1/use-cases/${key}/checklist/${item.id}`, {
    headers: await as(owner.email),
    data: { status: "TODO", version: item.version },
  });
  expect(reset.status()).toBe(200);

  const refused = await request.post(decisions, { headers: await as(itUser.email), data: go });
  expect(refused.status()).toBe(409);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  const problem = (await refused.json()) as { detail: string; errors: { path: string }[] };
  expect(problem.errors.map((e) => e.path)).toEqual(["packagingChecklist", "packagingSignedOff"]);
  expect(problem.detail).toMatch(/stays open/);
  expect(await prisma.useCase.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ stage: "PACKAGING" });
  expect(await prisma.gateReview.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: "OPEN" });
  expect(await prisma.gateVote.count({ where: { reviewId } })).toBe(1);
});

test("the decision form shows which criteria no longer hold, and the use case stays in packaging", async ({
  browser,
  request,
  prisma,
}) => {
  test.setTimeout(180_000);
  const { owner, business, itUser, row, key } = await g3UnderReview(prisma);
  const as = async (email: string) => ({ authorization: `Bearer ${await createApiToken(prisma, email, "e2e")}` });
  // Requested and voided by IT over the API; business decides in the browser.
  const requested = await request.post(`/api/v1/use-cases/${key}/gates`, { headers: await as(owner.email), data: {} });
  expect(requested.status()).toBe(201);
  const reviewId = ((await requested.json()) as { id: string }).id;
  const itVote = await request.post(`/api/v1/gates/${reviewId}/decisions`, {
    headers: await as(itUser.email),
    data: { decision: "GO", rationale: "Runbook in place" },
  });
  expect(itVote.status()).toBe(201);

  // Meanwhile the production service is removed.
  await prisma.service.deleteMany({ where: { useCaseId: row.id, environment: "PRODUCTION" } });

  const biz = await pageAs(browser, business);
  await biz.goto(`/use-cases/${key}`);
  const form = biz.getByRole("form", { name: "Decide" });
  await form.getByRole("radio", { name: "Go", exact: true }).check();
  await form.getByLabel("Rationale").fill("Value case holds");
  await form.getByRole("button", { name: "Record decision" }).click();
  // One message that says what is wrong and what to do.
  await expect(
    biz.getByText(
      /G3 .*cannot pass: its entry criteria are no longer met\. Register at least one service in the PRODUCTION environment\..*stays open/,
    ),
  ).toBeVisible();
  await expect(form.getByLabel("Rationale")).toHaveValue("Value case holds");
  expect((await prisma.useCase.findUniqueOrThrow({ where: { id: row.id } })).stage).toBe("PACKAGING");
  expect(await prisma.gateReview.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: "OPEN" });
});
