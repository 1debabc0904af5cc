// The plan and the roadmap: a use case that slipped shows in the timeline (its row, the red
// "+N d") and in the table (the days late); the page is axe-clean and works by keyboard; the
// printout is one page; the owner sets a plan on the use-case page, with field errors that keep
// the input.
import type { Page } from "@playwright/test";
import { formatKey, type Stage } from "@/lib/lifecycle";
import type { PrismaClient } from "@/prisma/client";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { seriousViolations } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";

const DAY = 86_400_000;
const dayFromToday = (days: number) =>
  new Date(`${new Date(Date.now() + days * DAY).toISOString().slice(0, 10)}T00:00:00Z`);

/** A use case in `team` that passed its gates `entered` days ago (in order), with a plan `targets` days from today. */
async function plannedUseCase(
  prisma: PrismaClient,
  owner: { id: string },
  title: string,
  entered: number[],
  targets: [number, number, number],
) {
  const stages: Stage[] = ["POC", "PROTOTYPE", "PACKAGING", "PRODUCTION"];
  const row = await makeUseCase(prisma, {
    ownerId: owner.id,
    title,
    benefitArea: "COST_REDUCTION",
    stage: stages[entered.length],
    stageEnteredAt: dayFromToday(entered.at(-1) ?? -200),
    createdAt: dayFromToday(-300),
  });
  for (const [i, days] of entered.entries())
    await prisma.gateReview.create({
      data: {
        useCaseId: row.id,
        fromStage: stages[i] as Stage,
        toStage: stages[i + 1] as Stage,
        status: "DECIDED",
        decision: "GO",
        requestedById: owner.id,
        decidedAt: new Date(dayFromToday(days).getTime() + 12 * 3_600_000),
      },
    });
  await prisma.useCasePlan.create({
    data: {
      useCaseId: row.id,
      prototypeOn: dayFromToday(targets[0]),
      packagingOn: dayFromToday(targets[1]),
      productionOn: dayFromToday(targets[2]),
    },
  });
  return formatKey(row.number);
}

async function seedTeam(prisma: PrismaClient, extra = 0) {
  const team = `Roadmap team ${Date.now()}`;
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST", team });
  // Prototype 10 days late, packaging 5 days late, production 12 days past its day and not reached.
  const slipped = await plannedUseCase(prisma, owner, `Slipped forecast ${team}`, [-100, -40], [-110, -45, -12]);
  const onTime = await plannedUseCase(prisma, owner, `On-time pricing ${team}`, [-60], [-50, 30, 120]);
  for (let i = 0; i < extra; i++)
    await plannedUseCase(prisma, owner, `Planned ${i} ${team}`, i % 2 ? [-80 + i] : [], [-70 + i * 3, 40 + i, 150 + i]);
  return { team, slipped, onTime };
}

async function tabTo(page: Page, name: RegExp, maxTabs = 80) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate(() => document.activeElement?.textContent ?? "");
    if (name.test(text)) return;
  }
  throw new Error(`${name} was not reached by Tab`);
}

test("the roadmap shows a slipped use case in its timeline row and in the table, by keyboard too", async ({
  page,
  prisma,
  signInAs,
}) => {
  const { team, slipped, onTime } = await seedTeam(prisma);
  await signInAs("BUSINESS");
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Roadmap" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Roadmap" })).toBeVisible();
  await page.goto(`/roadmap?team=${encodeURIComponent(team)}`);

  // The timeline: the row, its red slip marks with the days late.
  const row = page.locator(`[data-roadmap-row="${slipped}"]`);
  await expect(row).toContainText("+10 d");
  await expect(row).toContainText("+5 d");
  await expect(row).toContainText("+12 d");
  await expect(page.locator(`[data-roadmap-row="${onTime}"] [data-slip]`)).toHaveCount(0);

  // The table: the same data, for keyboard and screen-reader users.
  const table = page.getByRole("table", { name: /Roadmap as a table/ });
  const slippedRow = table.getByRole("row", { name: new RegExp(slipped) });
  await expect(slippedRow.getByRole("cell").nth(1)).toContainText("10 days late");
  await expect(slippedRow.getByRole("cell").nth(2)).toContainText("5 days late");
  await expect(slippedRow.getByRole("cell").nth(3)).toContainText("12 days late so far");
  await expect(
    table
      .getByRole("row", { name: new RegExp(onTime) })
      .getByRole("cell")
      .nth(1),
  ).toContainText("On time");
  await expect(table.locator('th[scope="colgroup"]')).toHaveText([team]);
  expect(await seriousViolations(page)).toEqual([]);

  // By keyboard: group by benefit area, zoom by month, then open the slipped use case's plan.
  await tabTo(page, /^Benefit area$/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/group=area/);
  await expect(table.locator('th[scope="colgroup"]')).toHaveText(["Cost reduction"]);
  await tabTo(page, /^Months$/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/zoom=month/);
  await expect(page.locator(`[data-roadmap-row="${slipped}"]`)).toContainText("+12 d");
  expect(await seriousViolations(page)).toEqual([]);
  await tabTo(page, new RegExp(`${slipped}.*Slipped forecast`), 150);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/use-cases/${slipped}#plan`));
  const plan = page.getByRole("region", { name: "Plan", exact: true });
  await expect(plan.getByRole("row", { name: /Production/ })).toContainText("12 days late so far");
});

test("the roadmap prints on one A4 or Letter page", async ({ page, prisma, signInAs }) => {
  test.setTimeout(120_000);
  const { team, slipped } = await seedTeam(prisma, 28);
  await signInAs("BUSINESS");
  await page.goto(`/roadmap?team=${encodeURIComponent(team)}`);
  await expect(page.locator(`[data-roadmap-row="${slipped}"]`)).toContainText("+12 d");
  await expect(page.locator("[data-roadmap-row]")).toHaveCount(30);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("table", { name: /Roadmap as a table/ })).toBeHidden();
  for (const format of ["A4", "Letter"] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages, `${format} pages`).toBe(1);
  }
});

test("the owner sets a plan: an out-of-order day is named and kept, then saved with its history", async ({
  page,
  prisma,
}) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST", name: "Paula Planner" });
  const row = await makeUseCase(prisma, { ownerId: owner.id, title: `Plan me ${Date.now()}` });
  const key = formatKey(row.number);
  await signIn(page, owner);
  await page.goto(`/use-cases/${key}#plan`);
  const plan = page.getByRole("region", { name: "Plan", exact: true });
  const form = plan.getByRole("form", { name: "Plan" });
  await expect(form.getByRole("button", { name: "Save plan" })).toBeEnabled(); // hydrated: a day typed before is lost
  await form.getByLabel("Prototype: planned entry").fill("2027-03-01");
  await form.getByLabel(/^Packaging.*: planned entry$/).fill("2027-02-01");
  await form.getByRole("button", { name: "Save plan" }).click();
  await expect(form.getByText(/The packaging target comes on or after the prototype target/)).toBeVisible();
  await expect(form.getByLabel(/^Packaging.*: planned entry$/)).toHaveValue("2027-02-01");
  await expect(form.getByLabel(/^Packaging.*: planned entry$/)).toHaveAttribute("aria-invalid", "true");
  expect(await prisma.planRevision.count({ where: { useCaseId: row.id } })).toBe(0);

  await form.getByLabel(/^Packaging.*: planned entry$/).fill("2027-05-01");
  await form.getByLabel("Production: planned entry").fill("2027-09-30");
  await form.getByRole("button", { name: "Save plan" }).click();
  await expect(form.getByText("Plan saved.")).toBeVisible();
  await expect(plan.getByText("Plan history (1)")).toBeVisible();
  await plan.getByText("Plan history (1)").click();
  await expect(plan.getByRole("listitem")).toContainText("Paula Planner");
  const saved = await prisma.useCasePlan.findUniqueOrThrow({ where: { useCaseId: row.id } });
  expect(saved.productionOn?.toISOString().slice(0, 10)).toBe("2027-09-30");
  expect(await seriousViolations(page)).toEqual([]);
});
