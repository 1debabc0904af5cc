// Prioritisation: an admin reweighs the scoring model and sees the ranked list move; a
// business user scores a use case on its page. The model is one shared record: the admin
// test sets the two weights it depends on itself, and its two use cases differ only there.
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { seriousViolations } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";

test("an admin changes a weight and the use-case list's ranks move", async ({ browser, prisma }) => {
  test.slow(); // two model saves and three list loads
  const tag = `Ranked ${Date.now()}`;
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const business = await makeUser(prisma, { role: "BUSINESS" });
  const admin = await makeUser(prisma, { role: "ADMIN" });
  // "Valuable": business value 5, feasibility 1. "Feasible": the other way round.
  const valuable = await makeUseCase(prisma, { ownerId: owner.id, title: `${tag} valuable` });
  const feasible = await makeUseCase(prisma, { ownerId: owner.id, title: `${tag} feasible` });
  for (const [row, value, feasibility] of [
    [valuable, 5, 1],
    [feasible, 1, 5],
  ] as const)
    await prisma.useCaseScore.createMany({
      data: [
        { useCaseId: row.id, criterion: "business-value", scorerId: business.id, value },
        { useCaseId: row.id, criterion: "feasibility", scorerId: business.id, value: feasibility },
      ],
    });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, admin);

  const setWeights = async (businessValue: string, feasibility: string) => {
    await page.goto("/admin/scoring");
    const form = page.getByRole("form", { name: "Scoring model" });
    await expect(form.getByRole("button", { name: "Save as a new version" })).toBeEnabled(); // hydrated
    await form.getByLabel("Weight of Business value").fill(businessValue);
    await form.getByLabel("Weight of Feasibility").fill(feasibility);
    await form.getByRole("button", { name: "Save as a new version" }).click();
    await expect(form.getByRole("status")).toContainText("The ranks are recomputed");
  };
  const titlesInOrder = async () => {
    await page.goto(`/use-cases?q=${encodeURIComponent(tag)}&sort=priority`);
    return page
      .getByRole("table")
      .getByRole("link", { name: new RegExp(tag) })
      .allTextContents();
  };

  // A bad weight is refused with the field named, the input kept.
  await page.goto("/admin/scoring");
  const form = page.getByRole("form", { name: "Scoring model" });
  await expect(form.getByRole("button", { name: "Save as a new version" })).toBeEnabled();
  await form.getByLabel("Weight of Feasibility").fill("150");
  await form.getByRole("button", { name: "Save as a new version" }).click();
  await expect(form.getByText("The weight must be a whole number from 0 to 100.")).toBeVisible();
  await expect(form.getByLabel("Weight of Feasibility")).toHaveValue("150");
  expect(await seriousViolations(page)).toEqual([]);

  await setWeights("90", "10");
  expect(await titlesInOrder()).toEqual([`${tag} valuable`, `${tag} feasible`]);
  await setWeights("10", "90");
  expect(await titlesInOrder()).toEqual([`${tag} feasible`, `${tag} valuable`]);
  // The rank change since the previous version: one moved up, the other down.
  const row = (title: string) => page.getByRole("row", { name: new RegExp(title) });
  await expect(row(`${tag} feasible`)).toContainText("up since the previous scoring model");
  await expect(row(`${tag} valuable`)).toContainText("down since the previous scoring model");
  expect(await seriousViolations(page)).toEqual([]);
});

test("a business user scores a use case and sees the total with who scored what", async ({ browser, prisma }) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const business = await makeUser(prisma, { role: "BUSINESS" });
  const row = await makeUseCase(prisma, { ownerId: owner.id, title: `Scored ${Date.now()}` });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, business);
  await page.goto(`/use-cases/${formatKey(row.number)}#priority`);
  const section = page.locator("section#priority");
  const form = section.getByRole("form", { name: "Your scores" });
  await expect(form.getByRole("button", { name: "Save my scores" })).toBeDisabled(); // nothing chosen yet
  await form.getByLabel("Strategic fit (your score)").selectOption("4");
  await form.getByLabel("Why (strategic fit)").fill("Supports the retention goal");
  await expect(form.getByText("Total with your scores:")).toContainText("/ 100");
  await form.getByRole("button", { name: "Save my scores" }).click();
  const fit = section.getByRole("row", { name: /Strategic fit/ });
  await expect(fit).toContainText(`4 by ${business.name}`);
  await expect(fit).toContainText("Supports the retention goal");
  await expect(section).toContainText("#");
  const stored = await prisma.useCaseScore.findMany({ where: { useCaseId: row.id } });
  expect(stored.map((s) => [s.criterion, s.scorerId, s.value])).toEqual([["strategic-fit", business.id, 4]]);
  expect(await seriousViolations(page)).toEqual([]);
});
