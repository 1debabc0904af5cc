// Keeping decisions moving: a review past its deadline reads overdue, its decider is reminded
// and the admins get the escalation (the reminder round runs here on the review's clock); an
// out-of-office delegate votes for an absent business user; axe on the new and changed pages.
import type { Browser, Page } from "@playwright/test";
import { formatKey } from "@/lib/lifecycle";
import { DEFAULT_REVIEW_DEADLINE_DAYS, reviewDeadlines } from "@/lib/review-deadlines";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { sendReviewReminders } from "@/server/gates/review-reminders";
import { seriousViolations } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";

type Person = { email: string; password: string };

async function pageAs(browser: Browser, user: Person): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

const DAY = 86_400_000;
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

test("a review past its deadline reads overdue; the decider is reminded and the admins get the escalation", async ({
  browser,
  prisma,
}) => {
  test.setTimeout(120_000);
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const decider = await makeUser(prisma, { role: "BUSINESS", name: "Dora Decider" });
  const admin = await makeUser(prisma, { role: "ADMIN" });
  const title = `Late review ${Date.now()}`;
  const row = await makeUseCase(prisma, {
    ownerId: owner.id,
    title,
    output: "Churn score",
    outcome: "Fewer lost customers",
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "100000", base: "200000", high: "300000" },
    pocResult: "AUC 0.8",
  });
  const key = formatKey(row.number);
  // The review's clock: requested 30 days ago, so half the deadline, the deadline and twice it
  // have all passed by now (G1: 5 working days).
  const requestedAt = new Date(Date.now() - 30 * DAY);
  const review = await prisma.gateReview.create({
    data: {
      useCaseId: row.id,
      fromStage: "POC",
      toStage: "PROTOTYPE",
      requestedById: owner.id,
      requestedAt,
      ...reviewDeadlines(requestedAt, DEFAULT_REVIEW_DEADLINE_DAYS[0] ?? 5, []),
    },
  });
  const biz = await pageAs(browser, decider);
  await biz.goto(`/reviews?q=${key}`);
  const card = biz.getByRole("article", { name: `${key} ${title}` });
  await expect(card.getByTestId("review-due")).toHaveText(/^Review overdue by \d+ working days$/);

  // The app server runs the same round every minute: whichever round comes first sends, the
  // other finds nothing left to send.
  await sendReviewReminders({ now: new Date(), only: [review.id] });
  // Again (another replica, a later tick): nothing more.
  expect(await sendReviewReminders({ now: new Date(), only: [review.id] })).toEqual({ reminded: 0, escalated: 0 });

  await biz.goto("/notifications");
  await expect(
    biz.getByText(`Reminder: ${key} “${title}” at G1 has reached its deadline`, { exact: false }),
  ).toHaveCount(1);
  const ops = await pageAs(browser, admin);
  await ops.goto("/notifications");
  await expect(ops.getByText(`Escalated: ${key} “${title}” at G1 is overdue by`, { exact: false })).toHaveCount(1);
  expect(await prisma.auditEvent.count({ where: { action: "gate.escalate", entityId: review.id } })).toBe(1);

  await biz.goto(`/use-cases/${key}`);
  await expect(biz.getByTestId("review-due").first()).toHaveAttribute("data-overdue", "true");
});

test("a delegate votes for an absent business user, and the vote reads “X for Y”", async ({ browser, prisma }) => {
  test.setTimeout(120_000);
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const away = await makeUser(prisma, { role: "BUSINESS", name: `Yara Away ${Date.now()}` });
  const stand = await makeUser(prisma, { role: "BUSINESS", name: `Xavier Standin ${Date.now()}` });
  const title = `Delegated review ${Date.now()}`;
  const row = await makeUseCase(prisma, {
    ownerId: owner.id,
    title,
    output: "Demand per store",
    outcome: "Less waste",
    benefitArea: "COST_REDUCTION",
    ebitda: { low: "100000", base: "200000", high: "300000" },
    pocResult: "MAPE 12%",
  });
  const key = formatKey(row.number);
  const requestedAt = new Date();
  await prisma.gateReview.create({
    data: {
      useCaseId: row.id,
      fromStage: "POC",
      toStage: "PROTOTYPE",
      requestedById: owner.id,
      requestedAt,
      ...reviewDeadlines(requestedAt, 5, []),
    },
  });

  // The absent user names their delegate in the profile.
  const yara = await pageAs(browser, away);
  await yara.goto("/settings/profile");
  const form = yara.getByRole("form", { name: "Out-of-office delegate" });
  await form.getByLabel("Delegate").selectOption({ label: stand.name });
  await form.getByLabel("First day away").fill(isoDay(0));
  await form.getByLabel("Last day away").fill(isoDay(7));
  await form.getByRole("button", { name: "Save delegation" }).click();
  await expect(yara.getByTestId("delegation-status")).toContainText(`${stand.name} votes in your place`);
  await expect(yara.getByTestId("delegation-status")).toContainText("in force now");
  expect(await seriousViolations(yara)).toEqual([]);

  // The delegate votes for them from the Reviews inbox.
  const xavier = await pageAs(browser, stand);
  await xavier.goto(`/reviews?q=${key}`);
  const card = xavier.getByRole("article", { name: `${key} ${title}` });
  const decide = card.getByRole("form", { name: "Decide" });
  await decide.getByLabel("Vote as").selectOption({ label: `For ${away.name} (delegated)` });
  await decide.getByRole("radio", { name: "Go", exact: true }).check();
  await decide.getByLabel("Rationale").fill("Yara asked for a go before leaving.");
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(card.getByRole("form", { name: "Decide" })).toHaveCount(0);

  await xavier.goto(`/use-cases/${key}`);
  await expect(xavier.getByText(`(${stand.name} for ${away.name}): Go`)).toBeVisible();
  const vote = await prisma.gateVote.findFirstOrThrow({ where: { review: { useCaseId: row.id } } });
  expect(vote).toMatchObject({ voterId: stand.id, onBehalfOfId: away.id, role: "BUSINESS" });

  // An admin sees the delegation, and can end it.
  const admin = await makeUser(prisma, { role: "ADMIN" });
  const ops = await pageAs(browser, admin);
  await ops.goto("/admin/delegations");
  await expect(ops.getByRole("heading", { name: "Delegations" })).toBeVisible();
  expect(await seriousViolations(ops)).toEqual([]);
  await ops.getByRole("button", { name: `End ${away.name}'s delegation to ${stand.name}` }).click();
  await expect(ops.getByRole("button", { name: `End ${away.name}'s delegation to ${stand.name}` })).toHaveCount(0);
  expect(await prisma.delegation.count({ where: { userId: away.id, endedAt: null } })).toBe(0);
});
