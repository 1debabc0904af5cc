// Saved views of the use-case list and its column chooser, in the browser.
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { seriousViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("a business user filters the list, hides a column, saves a shared view, finds it in the sidebar, reopens it and lands on it", async ({
  page,
  prisma,
  signInAs,
}) => {
  test.setTimeout(150_000); // many server renders in a row on a loaded 2-core machine
  const marker = `View${Date.now().toString(36)}`;
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  await makeUseCase(prisma, { ownerId: owner.id, title: `${marker} in POC`, stage: "POC" });
  await makeUseCase(prisma, { ownerId: owner.id, title: `${marker} in production`, stage: "PRODUCTION" });
  const user = await signInAs("BUSINESS");

  // Filter: the search and the stage.
  await page.goto(`/use-cases?view=all&q=${marker}&stage=POC`);
  await expect(page.getByRole("row").filter({ hasText: marker })).toHaveCount(1);

  // The column chooser hides the owner column (remembered on the user's account).
  await expect(page.getByRole("columnheader", { name: "Owner", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Columns" }).click();
  await expect(page.getByRole("checkbox", { name: /Title/ })).toBeDisabled();
  await page.getByRole("checkbox", { name: "Owner", exact: true }).uncheck();
  await expect(page.getByRole("columnheader", { name: "Owner", exact: true })).toHaveCount(0);
  await expect
    .poll(async () => (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).useCaseColumns)
    .not.toContain("owner");

  // Save the view, shared.
  const name = `POCs ${marker}`;
  await page.getByRole("button", { name: "Save view" }).click();
  const form = page.getByRole("form", { name: "Save view" });
  await form.getByLabel("View name").fill(name);
  await form.getByRole("radio", { name: "Everyone (shared)" }).check();
  await form.getByRole("button", { name: "Save view" }).click();
  // The list was opened with view=all: wait for the saved view's own id in the address.
  await expect(page).toHaveURL(/[?&]view=(?!all\b)/);
  const nav = page.getByRole("navigation", { name: "Main" });
  const link = nav.getByRole("list", { name: "My views" }).getByRole("link", { name });
  await expect(link).toHaveAttribute("aria-current", "page");
  const stored = await prisma.savedView.findFirstOrThrow({ where: { ownerId: user.id, name } });
  expect(stored).toMatchObject({ shared: true, query: `q=${marker}&stage=POC` });
  expect(stored.columns).not.toContain("owner");

  // The same name again: a field error, and what was typed stays.
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByRole("form", { name: "Save view" }).getByLabel("View name").fill(name);
  await page.getByRole("form", { name: "Save view" }).getByRole("button", { name: "Save view" }).click();
  await expect(page.getByText("You already have a view with this name")).toBeVisible();
  await expect(page.getByRole("form", { name: "Save view" }).getByLabel("View name")).toHaveValue(name);
  await page.getByRole("form", { name: "Save view" }).getByRole("button", { name: "Cancel" }).click();

  // All use cases, then the view again from the sidebar: its filters and columns come back.
  await page.getByRole("link", { name: "All use cases" }).click();
  await expect(page).toHaveURL(/\/use-cases\?view=all$/);
  await expect(link).not.toHaveAttribute("aria-current", "page");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`q=${marker}&stage=POC&view=${stored.id}`));
  await expect(page.getByRole("searchbox", { name: "Search", exact: true })).toHaveValue(marker);
  await expect(page.getByRole("row").filter({ hasText: marker })).toHaveCount(1);
  await expect(page.getByRole("columnheader", { name: "Owner", exact: true })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "Stage", exact: true })).toBeVisible();

  // The landing view: /use-cases with no query string opens it; "All use cases" leads back.
  await page.getByRole("button", { name: "Open Use cases on this view" }).click();
  await expect(page.getByRole("button", { name: "Stop opening on this view" })).toBeVisible();
  await page.goto("/use-cases");
  await expect(page).toHaveURL(new RegExp(`view=${stored.id}`));
  await expect(page.getByText("your landing view")).toBeVisible();
  await page.getByRole("link", { name: "All use cases" }).click();
  await expect(page).toHaveURL(/\/use-cases\?view=all$/);
  await expect(page.getByRole("searchbox", { name: "Search", exact: true })).toHaveValue("");

  // Another user sees the shared view under Shared views.
  await page.context().clearCookies();
  const reader = await signInAs("IT");
  expect(reader.id).not.toBe(user.id);
  await page.goto("/use-cases?view=all");
  await expect(
    page
      .getByRole("navigation", { name: "Main" })
      .getByRole("list", { name: "Shared views" })
      .getByRole("link", { name }),
  ).toBeVisible();
});

test("the use-case list with the column chooser open has no serious or critical axe violation", async ({
  page,
  prisma,
  signInAs,
}) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  await makeUseCase(prisma, { ownerId: owner.id, title: `Axe columns ${Date.now()}` });
  await signInAs("BUSINESS");
  await page.goto("/use-cases?view=all");
  await page.getByRole("button", { name: "Columns" }).click();
  await expect(page.getByRole("button", { name: "Columns" })).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("checkbox", { name: "Priority", exact: true })).toBeVisible();
  // Keyboard: Escape in the panel closes it and returns to the button.
  await page.getByRole("checkbox", { name: "Priority", exact: true }).focus();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Columns" })).toBeFocused();
  await expect(page.getByRole("checkbox", { name: "Priority", exact: true })).toBeHidden();
});

test("a data scientist keeps a personal view: updates it with the filters and columns shown, renames and deletes it", async ({
  page,
  prisma,
  signInAs,
}) => {
  test.setTimeout(120_000);
  const marker = `Own${Date.now().toString(36)}`;
  const user = await signInAs("DATA_SCIENTIST");
  await makeUseCase(prisma, { ownerId: user.id, title: `${marker} prototype`, stage: "PROTOTYPE" });
  await page.goto(`/use-cases?view=all&q=${marker}`);
  await page.getByRole("button", { name: "Save view" }).click();
  const form = page.getByRole("form", { name: "Save view" });
  // Personal only: no choice of who sees it.
  await expect(form.getByRole("radio")).toHaveCount(0);
  await form.getByLabel("View name").fill(`Mine ${marker}`);
  await form.getByRole("button", { name: "Save view" }).click();
  // The list was opened with view=all: wait for the saved view's own id in the address.
  await expect(page).toHaveURL(/[?&]view=(?!all\b)/);
  const view = await prisma.savedView.findFirstOrThrow({ where: { ownerId: user.id, name: `Mine ${marker}` } });
  expect(view).toMatchObject({ shared: false, query: `q=${marker}` });

  // A filter and a column changed within the view: "changed, not saved", then Update view.
  await page.goto(`/use-cases?q=${marker}&stage=PROTOTYPE&view=${view.id}`);
  await expect(page.getByText("changed, not saved")).toBeVisible();
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Priority", exact: true }).uncheck();
  await expect(page).toHaveURL(/columns=/);
  await expect(page.getByRole("columnheader", { name: "Priority", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Update view" }).click();
  await expect(page.getByRole("button", { name: "Update view" })).toBeDisabled();
  // The button is disabled while the save is in flight too: wait for the stored version.
  await expect.poll(async () => (await prisma.savedView.findUniqueOrThrow({ where: { id: view.id } })).version).toBe(2);
  const updated = await prisma.savedView.findUniqueOrThrow({ where: { id: view.id } });
  expect(updated).toMatchObject({ query: `q=${marker}&stage=PROTOTYPE`, version: 2 });
  expect(updated.columns).not.toContain("priority");

  // Rename, then delete.
  await page.getByRole("button", { name: "Rename" }).click();
  const rename = page.getByRole("form", { name: "Rename view" });
  await expect(rename.getByLabel("View name")).toHaveValue(`Mine ${marker}`);
  await rename.getByLabel("View name").fill(`Renamed ${marker}`);
  await rename.getByRole("button", { name: "Rename view" }).click();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: `Renamed ${marker}` })).toHaveAttribute("aria-current", "page");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete view" }).click();
  await expect(page).toHaveURL(/\/use-cases\?view=all$/);
  await expect(nav.getByRole("link", { name: `Renamed ${marker}` })).toHaveCount(0);
  expect(await prisma.savedView.count({ where: { id: view.id } })).toBe(0);
});
