// The priority matrix: a business user opens it from the sidebar, narrows it to their team's use
// cases and to the quick wins, finds the expected one in the table and follows its link; the
// page is axe-clean and its table sorts by keyboard. And the board's ranked backlog. Each test
// seeds a team of its own and filters to it, so other workers' use cases never show.
import { formatKey } from "@/lib/lifecycle";
import type { PrismaClient } from "@/prisma/client";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { seriousViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

/** Use cases of a new team, scored on business value and feasibility (effort = 6 − feasibility). */
async function seedMatrix(prisma: PrismaClient) {
  const team = `Matrix team ${Date.now()}`;
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST", team });
  const scorer = await makeUser(prisma, { role: "BUSINESS" });
  const make = async (title: string, value: number, feasibility: number, base: string) => {
    const row = await makeUseCase(prisma, {
      ownerId: owner.id,
      title: `${title} ${team}`,
      stage: "PROTOTYPE",
      benefitArea: "COST_REDUCTION",
      ebitda: { low: String(Number(base) / 2), base, high: String(Number(base) * 2) },
    });
    await prisma.useCaseScore.createMany({
      data: [
        { useCaseId: row.id, criterion: "business-value", scorerId: scorer.id, value },
        { useCaseId: row.id, criterion: "feasibility", scorerId: scorer.id, value: feasibility },
      ],
    });
    return { key: formatKey(row.number), title: row.title };
  };
  return {
    team,
    owner,
    quick: await make("Invoice matching", 5, 5, "400000"),
    quickSmall: await make("Email triage", 4, 4, "100000"),
    bet: await make("Demand forecasting", 5, 1, "2000000"),
    pit: await make("Chatbot for HR", 1, 1, "50000"),
    filler: await make("Report summaries", 2, 4, "20000"),
  };
}

test("a business user filters the matrix to quick wins, sorts the table by keyboard and opens the use case", async ({
  page,
  prisma,
  signInAs,
}) => {
  const seeded = await seedMatrix(prisma);
  await signInAs("BUSINESS");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Priority matrix" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Priority matrix" })).toBeVisible();
  await expect(page.getByText("not the cost to date")).toBeVisible(); // the page says what effort is

  await page.goto(`/portfolio/matrix?team=${encodeURIComponent(seeded.team)}`);
  const quadrants = page.getByRole("navigation", { name: "Quadrants" });
  await expect(quadrants.getByRole("link", { name: "All (5)" })).toBeVisible();
  await expect(quadrants.getByRole("link", { name: "Quick wins (2)" })).toBeVisible();
  await expect(quadrants.getByRole("link", { name: "Big bets (1)" })).toBeVisible();
  await expect(quadrants.getByRole("link", { name: "Money pits (1)" })).toBeVisible();
  await expect(quadrants.getByRole("link", { name: "Fill-ins (1)" })).toBeVisible();
  // The chart loads after the page; each bubble links to its use case.
  const bubble = page.locator(`a[data-key="${seeded.bet.key}"]`);
  await expect(bubble).toHaveCount(1);
  await expect(bubble).toHaveAttribute("href", `/use-cases/${seeded.bet.key}`);
  expect(await seriousViolations(page)).toEqual([]);

  // Quick wins, chosen in the filter form (it applies on change).
  const form = page.getByRole("form", { name: "Filter the matrix" });
  // By name: a wrapping label's text takes in its options. The chart above drew: scripts run.
  await form.locator('select[name="quadrant"]').selectOption("quick-wins");
  await expect(page).toHaveURL(/quadrant=quick-wins/);
  await expect(quadrants.getByRole("link", { name: "Quick wins (2)" })).toHaveAttribute("aria-current", "true");
  const table = page.getByRole("table", { name: /Quick wins/ });
  await expect(table.getByRole("row")).toHaveCount(3); // the header and two use cases
  await expect(table).toContainText(seeded.quick.title);
  await expect(table).toContainText(seeded.quickSmall.title);
  await expect(table).not.toContainText(seeded.bet.title);
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Quadrant: Quick wins");
  await expect(page.locator(`a[data-key="${seeded.bet.key}"]`)).toHaveCount(0);
  await expect(page.locator(`a[data-key="${seeded.quick.key}"]`)).toHaveCount(1);

  // Sorting by keyboard: most valuable first, then Value again (ascending), then Effort.
  const titles = () => table.getByRole("row").getByRole("link").allTextContents();
  const valueHeader = table.getByRole("columnheader", { name: /Value/ });
  await expect(valueHeader).toHaveAttribute("aria-sort", "descending");
  expect(await titles()).toEqual([
    `${seeded.quick.key} ${seeded.quick.title}`,
    `${seeded.quickSmall.key} ${seeded.quickSmall.title}`,
  ]);
  await valueHeader.getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(valueHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByRole("status").filter({ hasText: "Sorted by Value, ascending" })).toBeAttached();
  expect(await titles()).toEqual([
    `${seeded.quickSmall.key} ${seeded.quickSmall.title}`,
    `${seeded.quick.key} ${seeded.quick.title}`,
  ]);
  await page.keyboard.press("Tab"); // the Effort header's button
  await page.keyboard.press(" ");
  const effortHeader = table.getByRole("columnheader", { name: /Effort/ });
  await expect(effortHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(valueHeader).not.toHaveAttribute("aria-sort");
  expect(await titles()).toEqual([
    `${seeded.quick.key} ${seeded.quick.title}`,
    `${seeded.quickSmall.key} ${seeded.quickSmall.title}`,
  ]);
  await expect(table.getByRole("row", { name: new RegExp(seeded.quick.title) })).toContainText("5.00");
  expect(await seriousViolations(page)).toEqual([]);

  // The expected use case's link opens it.
  await table.getByRole("link", { name: new RegExp(seeded.quick.title) }).click();
  await expect(page).toHaveURL(new RegExp(`/use-cases/${seeded.quick.key}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(seeded.quick.title);
});

test("the matrix says how to score when nothing it shows is scored", async ({ page, prisma, signInAs }) => {
  const team = `Unscored team ${Date.now()}`;
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST", team });
  await makeUseCase(prisma, { ownerId: owner.id, title: `Unscored ${team}` });
  await signInAs("IT");
  await page.goto(`/portfolio/matrix?team=${encodeURIComponent(team)}`);
  await expect(page.getByRole("heading", { name: "No scored use case matches these filters" })).toBeVisible();
  await expect(page.getByText("fill in its Priority section")).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the ranked list" })).toHaveAttribute(
    "href",
    "/use-cases?sort=priority",
  );
  expect(await seriousViolations(page)).toEqual([]);
});

test("the board ranks its cards by priority, each with its rank", async ({ page, prisma, signInAs }) => {
  const seeded = await seedMatrix(prisma);
  await signInAs("BUSINESS");
  await page.goto(`/board?team=${encodeURIComponent(seeded.team)}`);
  await page.getByRole("navigation", { name: "Board order" }).getByRole("link", { name: "Priority (ranked)" }).click();
  await expect(page).toHaveURL(/sort=priority/);
  await expect(page).toHaveURL(/team=/);
  const cards = page.getByRole("list", { name: "Prototype use cases" }).getByRole("listitem");
  // Weighted default model: value 5 + feasibility 5 first, value 1 + feasibility 1 last.
  await expect(cards.first()).toContainText(seeded.quick.title);
  await expect(cards.last()).toContainText(seeded.pit.title);
  await expect(cards.first()).toContainText(/Priority #\d+/);
  const ranks = (await cards.allTextContents()).map((text) => Number(/#(\d+)/.exec(text)?.[1]));
  expect(ranks).toHaveLength(5);
  expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  expect(await seriousViolations(page)).toEqual([]);
});
