import { expect, test } from "../support/fixtures";

test("/admin lists the admin pages for an admin, and each link opens its page", async ({ page, signInAs }) => {
  await signInAs("ADMIN");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Administration", level: 1 })).toBeVisible();
  const main = page.getByRole("main");
  for (const label of [
    "Checklist templates",
    "Risk screening template",
    "Users",
    "Webhooks",
    "Chat channels",
    "Audit trail",
    "Settings",
    "Model registries",
    "Delegations",
  ])
    await expect(main.getByRole("link", { name: new RegExp(`^${label}`) })).toBeVisible();
  await main.getByRole("link", { name: /^Audit trail/ }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { name: "Audit trail", level: 1 })).toBeVisible();
});

test("/admin is not found for a role that has no admin pages", async ({ page, signInAs }) => {
  await signInAs("BUSINESS");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Administration" })).toHaveCount(0);
});
