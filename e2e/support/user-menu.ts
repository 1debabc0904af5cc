import { expect, type Page } from "@playwright/test";

/** Opens the top bar's account menu (retrying until the page has hydrated and it opens). */
export async function openUserMenu(page: Page): Promise<void> {
  const trigger = page.getByRole("banner").getByRole("button", { name: /^Account menu:/ });
  await expect(async () => {
    if ((await trigger.getAttribute("aria-expanded")) !== "true") await trigger.click();
    await expect(page.getByRole("menu")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Chooses an item of the account menu ("Profile", "API tokens", "Sign out"). */
export async function chooseFromUserMenu(page: Page, item: string): Promise<void> {
  await openUserMenu(page);
  await page.getByRole("menu").getByRole("menuitem", { name: item, exact: true }).click();
}
