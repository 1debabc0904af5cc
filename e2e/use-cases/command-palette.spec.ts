// The command palette (Ctrl/⌘-K), keyboard only: find a use case by key, open it, request its
// gate; record a decision; switch the theme; reach an admin page; the "?" shortcuts dialog. A
// refused action says why and keeps the palette open. axe runs with the palette open.
import type { Page } from "@playwright/test";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { seriousViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

/** A use case whose G1 entry criteria all hold, owned by `ownerId`, sponsored by `sponsorId`. */
async function readyForG1(
  prisma: Parameters<typeof makeUseCase>[0],
  ownerId: string,
  title: string,
  sponsorId?: string,
) {
  const row = await makeUseCase(prisma, {
    ownerId,
    sponsorId,
    title,
    output: "A churn score per customer each week",
    outcome: "Fewer customers lost",
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "200000", base: "350000", high: "500000" },
    pocResult: "AUC 0.81 on last year's churners",
  });
  // G1 also needs a submitted risk screening (its own journey is in e2e/risk/risk.spec.ts).
  await prisma.useCase.update({ where: { id: row.id }, data: { riskTier: "MINIMAL" } });
  return { ...row, key: formatKey(row.number) };
}

const palette = (page: Page) => page.getByRole("dialog", { name: "Command palette" });
const paletteInput = (page: Page) => palette(page).getByRole("combobox", { name: "Jump to or run" });

/** Opens the palette with the keyboard, from wherever focus is. */
async function openPalette(page: Page) {
  await expect(page.getByRole("button", { name: "Jump to…" })).toBeEnabled();
  await page.keyboard.press("Control+k");
  await expect(paletteInput(page)).toBeFocused();
}

/** The option the combobox names as active (what a screen reader reads, and Enter runs). */
async function activeOption(page: Page) {
  const id = await paletteInput(page).getAttribute("aria-activedescendant");
  expect(id, "the combobox names an active option").toBeTruthy();
  return page.locator(`[id="${id}"]`);
}

/** Types a query and waits until `option` is the active (top) result, named as such. */
async function typeUntilActive(page: Page, query: string, option: string | RegExp) {
  await page.keyboard.type(query);
  await expect(palette(page).getByRole("option", { selected: true })).toContainText(option);
  await expect(await activeOption(page)).toContainText(option);
}

test("finds a use case by key, opens it and requests its gate, keyboard only; axe passes with the palette open", async ({
  page,
  prisma,
  signInAs,
}) => {
  test.setTimeout(120_000); // axe twice on a loaded 2-core machine
  const owner = await signInAs("DATA_SCIENTIST");
  const useCase = await readyForG1(prisma, owner.id, `Churn radar ${Date.now()}`);
  await page.goto("/");

  await openPalette(page);
  // The combobox owns the listbox (the pattern a screen reader announces).
  const input = paletteInput(page);
  await expect(input).toHaveAttribute("aria-expanded", "true");
  const listId = await input.getAttribute("aria-controls");
  expect(listId).toBeTruthy();
  await expect(page.locator(`[id="${listId}"]`)).toHaveAttribute("role", "listbox");
  expect(await seriousViolations(page)).toEqual([]);

  // The first option is active from the start.
  await expect(await activeOption(page)).toHaveAttribute("role", "option");
  await typeUntilActive(page, useCase.key, useCase.title);
  // Arrows move the active option, and the combobox follows.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await expect(await activeOption(page)).toContainText(useCase.title);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/use-cases/${useCase.key}$`));
  await expect(page.getByRole("heading", { name: useCase.title })).toBeVisible();
  await expect(palette(page)).toHaveCount(0);

  await openPalette(page);
  await typeUntilActive(page, "request", `Request the G1 review of ${useCase.key}`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Review G1 is open, waiting for Business/ })).toBeVisible();
  await expect(palette(page)).toHaveCount(0);
  const reviews = await prisma.gateReview.findMany({ where: { useCaseId: useCase.id } });
  expect(reviews).toMatchObject([{ fromStage: "POC", toStage: "PROTOTYPE", status: "OPEN", requestedById: owner.id }]);

  // Requested: the palette no longer offers it.
  await openPalette(page);
  await page.keyboard.type("request");
  await expect(palette(page).getByRole("option", { name: /Request the G1 review/ })).toHaveCount(0);
});

test("a refused action says why and keeps the palette open", async ({ page, prisma, signInAs }) => {
  const owner = await signInAs("DATA_SCIENTIST");
  const useCase = await readyForG1(prisma, owner.id, `Refused request ${Date.now()}`);
  await page.goto(`/use-cases/${useCase.key}`);
  await expect(page.getByRole("button", { name: "Request review: G1" })).toBeEnabled();
  // Meanwhile the POC result is cleared elsewhere: G1's entry criteria no longer hold.
  await prisma.useCase.update({ where: { id: useCase.id }, data: { pocResult: "" } });

  await openPalette(page);
  await typeUntilActive(page, "request", `Request the G1 review of ${useCase.key}`);
  await page.keyboard.press("Enter");
  await expect(palette(page).getByRole("alert")).toContainText(
    /entry criteria of gate G1 .* are not met\. Record what the POC showed/,
  );
  await expect(paletteInput(page)).toHaveValue("request");
  expect(await prisma.gateReview.count({ where: { useCaseId: useCase.id } })).toBe(0);
});

test("a decider jumps to the decision form of the open review", async ({ page, prisma, signInAs }) => {
  const business = await signInAs("BUSINESS");
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const useCase = await readyForG1(prisma, owner.id, `Decide from the palette ${Date.now()}`, business.id);
  await prisma.gateReview.create({
    data: { useCaseId: useCase.id, fromStage: "POC", toStage: "PROTOTYPE", requestedById: owner.id },
  });
  await page.goto(`/use-cases/${useCase.key}`);

  await openPalette(page);
  await typeUntilActive(page, "decision", `Record a decision on the G1 review of ${useCase.key}`);
  await page.keyboard.press("Enter");
  await expect(palette(page)).toHaveCount(0);
  const form = page.getByRole("form", { name: "Decide" });
  await expect(form.locator(":focus")).toHaveCount(1);
});

test("pages, the theme and the shortcuts dialog, from the keyboard", async ({ page, signInAs }) => {
  await signInAs("ADMIN");
  await page.goto("/");

  await openPalette(page);
  await typeUntilActive(page, "admin us", "Admin: Users");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/users$/);

  // The theme: dark now, and kept for the next page (the cookie the server renders from).
  await openPalette(page);
  await typeUntilActive(page, "theme", /Switch to the (dark|light) theme/);
  const toDark = /dark/.test((await palette(page).getByRole("option", { selected: true }).textContent()) ?? "");
  await page.keyboard.press("Enter");
  const expected = toDark ? "dark" : "light";
  await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${expected}\\b`));
  await page.reload();
  await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${expected}\\b`));

  // Nothing found: the palette says what it searches.
  await openPalette(page);
  await page.keyboard.type("zzqqxx");
  await expect(palette(page).getByText(/Nothing matches “zzqqxx”/)).toBeVisible();
  // No option, so none is named active.
  await expect(paletteInput(page)).not.toHaveAttribute("aria-activedescendant", /.+/);
  await page.keyboard.press("Escape");
  await expect(palette(page)).toHaveCount(0);

  // "?" outside a text field lists the shortcuts; Escape closes it.
  await page.locator("main h1").first().click();
  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts.getByRole("row", { name: /Open the command palette/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(shortcuts).toHaveCount(0);
  // In a text field "?" is just a character.
  await page.getByRole("searchbox", { name: "Search use cases" }).focus();
  await page.keyboard.press("?");
  await expect(page.getByRole("searchbox", { name: "Search use cases" })).toHaveValue("?");
  await expect(shortcuts).toHaveCount(0);
});
