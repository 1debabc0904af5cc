// On a phone the sidebar folds into a drawer, and the list and board fit the screen
// (no sideways scrolling of the page; a wide table scrolls inside its own frame).
import type { Page } from "@playwright/test";
import { makeUseCase } from "@/prisma/seed/factories";
import { expect, test } from "../support/fixtures";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, "the page is wider than the screen").toBeLessThanOrEqual(innerWidth);
}

test("on a phone: the drawer navigates, the list and board fit the screen", async ({ page, prisma, signInAs }) => {
  const owner = await signInAs("DATA_SCIENTIST", { name: "Phone Owner" });
  const useCase = await makeUseCase(prisma, {
    title: "Demand forecast for the phone check",
    ownerId: owner.id,
    ebitda: { low: "100000", base: "150000", high: "220000", currency: "EUR" },
  });

  await page.goto(`/use-cases?q=${encodeURIComponent("phone check")}`);
  await expect(page.getByRole("complementary")).toBeHidden();
  const row = page.getByRole("row", { name: /Demand forecast for the phone check/ });
  await expect(row).toBeVisible();
  // The key and owner, whose columns are left out, come back under the title.
  await expect(row.getByText(`UC-${useCase.number} · Phone Owner`)).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Owner" })).toBeHidden();
  await expectNoSidewaysScroll(page);

  const open = page.getByRole("button", { name: "Open navigation" });
  const drawer = page.getByRole("dialog", { name: "Roadbook" });
  await expect(async () => {
    await open.click();
    await expect(drawer).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(open).toBeFocused();

  await open.click();
  await drawer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Board", exact: true }).click();
  await expect(page).toHaveURL(/\/board$/);
  await expect(drawer).toBeHidden();
  await expect(page.getByRole("heading", { name: "Board", level: 1 })).toBeFocused();
  await expectNoSidewaysScroll(page);
});
