import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { expect, sameOrigin, signIn, test } from "../support/fixtures";

test("a data scientist signs in, creates a use case, finds it, opens it and edits it", async ({ page, prisma }) => {
  const scientist = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const title = `Spare-part demand ${Date.now()}`;

  await page.goto("/use-cases");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(scientist.email);
  await page.getByLabel("Password").fill(scientist.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Use cases", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "New use case" }).click();
  await expect(page.getByRole("heading", { name: "New use case" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Output").fill("Weekly demand per part");
  await page.getByLabel("Outcome").fill("Fewer stock-outs");
  await page.getByLabel("Benefit area").selectOption("COST_REDUCTION");
  await page.getByLabel("EBITDA low").fill("400000");
  await page.getByLabel("EBITDA base").fill("650000");
  await page.getByLabel("EBITDA high").fill("900000");
  await page.getByRole("button", { name: "Create use case" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Low €400,000 · Base €650,000 · High €900,000")).toBeVisible();

  await page.getByRole("link", { name: "Use cases", exact: true }).first().click();
  // The list's own filter (the top bar has the global search too).
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill(title);
  await page.getByRole("button", { name: "Apply" }).click();
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: title }).click();

  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Summary").fill("Edited in place");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByText("Edited in place", { exact: true })).toBeVisible();
  const stored = await prisma.useCase.findFirstOrThrow({ where: { title } });
  expect(stored.summary).toBe("Edited in place");
  expect(stored.version).toBe(2);
});

test("IT has no New use case action and the server refuses its create with 403", async ({ page, prisma, signInAs }) => {
  await signInAs("IT");
  await page.goto("/use-cases");
  await expect(page.getByRole("heading", { name: "Use cases", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "New use case" })).toHaveCount(0);
  // Other workers create use cases in parallel, so look for this one only, not at the total.
  const title = `Sneaky ${crypto.randomUUID()}`;
  const response = await page.request.post("/api/v1/use-cases", { headers: sameOrigin(), data: { title } });
  expect(response.status()).toBe(403);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expect(await prisma.useCase.count({ where: { title } })).toBe(0);
  await page.goto("/use-cases/new");
  await expect(page.getByRole("heading", { name: "You cannot create use cases" })).toBeVisible();
});

test("an inverted EBITDA range gets the field message and keeps everything typed", async ({
  page,
  prisma,
  signInAs,
}) => {
  await signInAs("BUSINESS");
  const title = `Inverted range ${Date.now()}`;
  await page.goto("/use-cases/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary").fill("Typed text that must survive");
  await page.getByLabel("EBITDA low").fill("900000");
  await page.getByLabel("EBITDA base").fill("500000");
  await page.getByLabel("EBITDA high").fill("100000");
  await page.getByRole("button", { name: "Create use case" }).click();

  await expect(page.getByText("Low must not be above the base estimate.")).toBeVisible();
  await expect(page.getByLabel("EBITDA low")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Summary")).toHaveValue("Typed text that must survive");
  await expect(page.getByLabel("EBITDA low")).toHaveValue("900000");
  await expect(page.getByLabel("EBITDA high")).toHaveValue("100000");
  expect(await prisma.useCase.count({ where: { title } })).toBe(0);

  // The server applies the same rule to anyone who skips the form.
  const api = await page.request.post("/api/v1/use-cases", {
    headers: sameOrigin(),
    data: { title, ebitda: { low: "900000", base: "500000", high: "100000", currency: "EUR" } },
  });
  expect(api.status()).toBe(422);
  expect((await api.json()).errors).toContainEqual({
    path: "ebitda.low",
    message: "Low must not be above the base estimate.",
  });
});

test("a stale edit gets the conflict message and the earlier save survives", async ({ page, browser, prisma }) => {
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const uc = await makeUseCase(prisma, { ownerId: owner.id, title: `Conflict ${Date.now()}` });
  await signIn(page, owner);
  await page.goto(`/use-cases/UC-${uc.number}`);
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Summary").fill("My late change");

  // Meanwhile, a colleague (an admin, in another browser) saves first.
  const admin = await makeUser(prisma, { role: "ADMIN" });
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, admin);
  const first = await otherPage.request.patch(`/api/v1/use-cases/UC-${uc.number}`, {
    headers: sameOrigin(),
    data: { version: 1, summary: "Their earlier save" },
  });
  expect(first.status()).toBe(200);
  await other.close();

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/Someone else saved this use case/)).toBeVisible();
  await expect(page.getByLabel("Summary")).toHaveValue("My late change");
  const stored = await prisma.useCase.findUniqueOrThrow({ where: { id: uc.id } });
  expect(stored.summary).toBe("Their earlier save");
  expect(stored.version).toBe(2);

  await page.getByRole("button", { name: "Load the latest version" }).click();
  await expect(page.getByLabel("Summary")).toHaveValue("Their earlier save");
});
