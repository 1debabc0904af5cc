// The theme is chosen in the account menu: it applies at once, and the server renders it on
// the next page (a cookie), with the menu showing the choice in force.
import { expect, test } from "../support/fixtures";
import { openUserMenu } from "../support/user-menu";

test("choosing Dark in the account menu applies at once and sticks across pages", async ({ page, signInAs }) => {
  await signInAs("BUSINESS");
  await page.goto("/");
  await openUserMenu(page);
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitemradio", { name: "System" })).toHaveAttribute("aria-checked", "true");
  await menu.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass("dark");

  await page.goto("/use-cases");
  await expect(page.locator("html")).toHaveClass("dark");
  await openUserMenu(page);
  await expect(page.getByRole("menu").getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await page.getByRole("menu").getByRole("menuitemradio", { name: "System" }).click();
  await expect(page.locator("html")).not.toHaveClass("dark");
});
