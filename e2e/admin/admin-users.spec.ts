import { expect, postCredentials, sameOrigin, signIn, test } from "../support/fixtures";

// Admin → Users and Profile, end to end: people are created in the UI here (that is what is
// under test), signed in with the password the page shows, and changed under their feet.

test("an admin adds a user who signs in with the shown password; a demotion and a deactivation apply on their next request", async ({
  page,
  browser,
  signInAs,
  prisma,
}) => {
  await signInAs("ADMIN");
  const email = `new-${Date.now()}@e2e.test`;
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  const form = page.getByRole("form", { name: "Add a user" });
  await expect(form.getByRole("button", { name: "Add user" })).toBeEnabled();
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("Nina Newcomer");
  await form.getByLabel("Role").selectOption("ADMIN");
  await form.getByLabel("Team").fill("Platform");
  await form.getByRole("button", { name: "Add user" }).click();
  const shown = page.getByLabel("First password");
  await expect(shown).toBeVisible();
  const password = await shown.inputValue();
  expect(password.length).toBeGreaterThanOrEqual(20);

  // The new user, in a browser of their own.
  const theirs = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const them = await theirs.newPage();
  await signIn(them, { email, password });
  await them.goto("/admin/users");
  await expect(them.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  await expect(them.getByRole("banner").getByText("Admin", { exact: true })).toBeVisible();

  // The admin demotes them: their next page load is a business user's.
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("user-count")).toHaveText("1 user match");
  const row = page.getByTestId(`user-${email}`);
  await expect(row.getByLabel("Team of Nina Newcomer", { exact: true })).toHaveValue("Platform");
  // Interact once the row is hydrated (its buttons are enabled only then).
  await expect(row.getByRole("button", { name: "Deactivate Nina Newcomer" })).toBeEnabled();
  await row.getByLabel("Role of Nina Newcomer", { exact: true }).selectOption("BUSINESS");
  await expect(row.getByRole("button", { name: "Save changes to Nina Newcomer" })).toBeEnabled();
  await row.getByRole("button", { name: "Save changes to Nina Newcomer" }).click();
  await expect
    .poll(async () => (await prisma.user.findUniqueOrThrow({ where: { email } })).role, { timeout: 15_000 })
    .toBe("BUSINESS");
  await expect(page.getByTestId(`user-${email}`).getByLabel("Role of Nina Newcomer", { exact: true })).toHaveValue(
    "BUSINESS",
  );
  await expect(page.getByTestId(`user-${email}`).getByRole("alert")).toHaveCount(0);

  // (The page streams, so the refusal is the "Not found" page rather than a 404 status.)
  await them.goto("/admin/users");
  await expect(them.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(them.getByRole("heading", { name: "Users", exact: true })).toHaveCount(0);
  await them.goto("/use-cases");
  await expect(them.getByRole("banner").getByText("Business", { exact: true })).toBeVisible();

  // Filters live in the URL.
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}&role=ADMIN`);
  await expect(page.getByTestId("user-count")).toHaveText("0 users match");

  // Deactivated: the next request finds them signed out.
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("button", { name: "Deactivate Nina Newcomer" }).click();
  await expect(page.getByRole("button", { name: "Reactivate Nina Newcomer" })).toBeVisible();
  await them.goto("/use-cases");
  await expect(them).toHaveURL(/\/login/);
  expect((await postCredentials(theirs.request, email, password)).status()).toBe(401);
  await theirs.close();
});

test("a user changes their password: a weak one is refused with the input kept, the new one signs in", async ({
  page,
  browser,
  signInAs,
}) => {
  const user = await signInAs("DATA_SCIENTIST", { name: "Pat Passwordchanger" });
  // Another session of the same user, signed in before the change.
  const elsewhere = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const other = await elsewhere.newPage();
  await signIn(other, user);

  await page.goto("/settings/profile");
  const form = page.getByRole("form", { name: "Change password" });
  await expect(form.getByRole("button").last()).toBeEnabled();
  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password", { exact: true }).fill("passwordpassword");
  await form.getByLabel("New password again").fill("passwordpassword");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText(/list of common passwords|too easy to guess/)).toBeVisible();
  await expect(form.getByLabel("New password", { exact: true })).toHaveValue("passwordpassword");
  await expect(form.getByLabel("Current password")).toHaveValue(user.password);

  await form.getByLabel("Current password").fill("not-my-password");
  const strong = "orbit-cactus-lantern-93";
  await form.getByLabel("New password", { exact: true }).fill(strong);
  await form.getByLabel("New password again").fill(strong);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("This is not your current password.")).toBeVisible();

  await form.getByLabel("Current password").fill(user.password);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();

  // This session goes on (signed in again with the new password); the other one is over.
  await page.goto("/settings/profile");
  await expect(page.getByRole("heading", { name: "Profile", exact: true })).toBeVisible();
  await other.goto("/use-cases");
  await expect(other).toHaveURL(/\/login/);
  await elsewhere.close();

  const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await postCredentials(fresh.request, user.email, user.password)).status()).toBe(401);
  expect((await postCredentials(fresh.request, user.email, strong)).ok()).toBe(true);
  await fresh.close();
});

test("settings: the probe interval is validated, and a stale save offers to load the latest", async ({
  page,
  signInAs,
}) => {
  await signInAs("ADMIN");
  await page.goto("/admin/settings");
  const form = page.getByRole("form", { name: "Organisation settings" });
  const interval = form.getByLabel("Probe each service every (minutes)");
  await expect(form.getByRole("button", { name: "Save" })).toBeEnabled();
  await interval.fill("0");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("The probe interval is a whole number of minutes from 1 to 1440.")).toBeVisible();
  await expect(interval).toHaveValue("0");

  // Another admin saves in between (through the API here).
  const other = 100 + Math.floor(Math.random() * 1000);
  const { version } = await (await page.request.get("/api/v1/settings")).json();
  const response = await page.request.patch("/api/v1/settings", {
    data: { probeIntervalMinutes: other, version },
    headers: sameOrigin(),
  });
  expect(response.ok(), await response.text()).toBe(true);

  await interval.fill("9");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert")).toContainText("Someone else saved the settings");
  await expect(interval).toHaveValue("9");
  await form.getByRole("button", { name: "Load the latest" }).click();
  await expect(interval).toHaveValue(String(other));
  await interval.fill("9");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  expect((await (await page.request.get("/api/v1/settings")).json()).probeIntervalMinutes).toBe(9);
});
