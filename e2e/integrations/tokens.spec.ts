import { expect, test } from "../support/fixtures";
import { chooseFromUserMenu } from "../support/user-menu";

test("a data scientist creates an API token, calls the API with it, sees it used, revokes it, and it stops working", async ({
  page,
  request,
  signInAs,
}) => {
  await signInAs("DATA_SCIENTIST");
  const name = `Airflow value DAG ${Date.now()}`;

  await page.goto("/");
  await chooseFromUserMenu(page, "API tokens");
  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await expect(page.getByText("No tokens yet.")).toBeVisible();

  const form = page.getByRole("form", { name: "Create an API token" });
  const create = form.getByRole("button", { name: "Create token" });
  await expect(create).toBeEnabled();

  // An empty name: a field error, nothing created, and the form still works.
  await create.click();
  await expect(form.getByText("Give the token a name, like “Jenkins deploy job”.")).toBeVisible();
  await expect(form.getByLabel("Token name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("New API token")).toHaveCount(0);

  await form.getByLabel("Token name").fill(name);
  await create.click();
  const secretField = page.getByLabel("New API token");
  await expect(secretField).toHaveValue(/^rb_[A-Za-z0-9_-]{43}$/);
  const secret = await secretField.inputValue();
  await expect(page.getByText(`Token “${name}” created. Copy it now: it is shown only this once.`)).toBeVisible();
  await expect(form.getByLabel("Token name")).toHaveValue("");
  await expect(form.getByLabel("Token name")).toHaveAttribute("aria-invalid", "false");

  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(0)).toHaveText(`${secret.slice(0, 10)}…`);
  // The form's defaults: read only, 90 days.
  await expect(row.getByRole("cell").nth(1)).toHaveText("Read only");
  const lastUsed = row.getByRole("cell").nth(4);
  await expect(lastUsed).toHaveText("Never");

  // The token acts as its user over real HTTP (the `request` fixture carries no session cookie).
  const auth = { authorization: `Bearer ${secret}` };
  const useCases = await request.get("/api/v1/use-cases?limit=1", { headers: auth });
  expect(useCases.status()).toBe(200);
  expect(await useCases.json()).toMatchObject({ items: expect.any(Array) });

  const listed = await request.get("/api/v1/tokens", { headers: auth });
  expect(listed.status()).toBe(200);
  const listedText = await listed.text();
  expect(listedText).not.toContain(secret);
  const { items } = JSON.parse(listedText) as { items: Record<string, unknown>[] };
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ name, prefix: secret.slice(0, 10), revokedAt: null });
  expect(items[0]?.lastUsedAt).toEqual(expect.any(String));
  expect(Object.keys(items[0] ?? {}).sort()).toEqual([
    "createdAt",
    "expiresAt",
    "id",
    "lastUsedAt",
    "name",
    "prefix",
    "revokedAt",
    "scope",
  ]);
  expect(items[0]).toMatchObject({ scope: "read-only" });
  const lifetime = Date.parse(String(items[0]?.expiresAt)) - Date.parse(String(items[0]?.createdAt));
  expect(Math.round(lifetime / 86_400_000)).toBe(90);

  await page.reload();
  await expect(lastUsed).not.toHaveText("Never");
  await expect(lastUsed).toHaveText(/\d/);
  // The secret was shown once: a reload no longer shows it.
  await expect(page.getByLabel("New API token")).toHaveCount(0);

  // Revoke, with the confirmation in place.
  await expect(create).toBeEnabled(); // hydrated: the Revoke button reacts
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row.getByText("Requests with it will fail at once.")).toBeVisible();
  await expect(row.getByRole("button", { name: "Cancel" })).toBeVisible();
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row.getByRole("cell").nth(5)).toHaveText(/^Revoked \S/);
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  // A toast confirms it (Radix announces it politely) and can be dismissed.
  const toast = page
    .getByRole("region", { name: "Notifications (F8)" })
    .getByRole("listitem")
    .filter({ hasText: `Token “${name}” revoked` });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Dismiss" }).click();
  await expect(toast).toHaveCount(0);

  const refused = await request.get("/api/v1/use-cases?limit=1", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect((await request.get("/api/v1/tokens", { headers: auth })).status()).toBe(401);

  await page.reload();
  await expect(row.getByRole("cell").nth(5)).toHaveText(/^Revoked \S/);
  expect(await page.content()).not.toContain(secret);
  expect(await page.locator("body").textContent()).not.toContain(secret);
});
