// Dates in the reader's language: the browser's, unless the profile chooses one.
import { makeUser } from "@/prisma/seed/factories";
import { expect, signIn, test } from "../support/fixtures";

test("dates follow the browser's language, with the full date in a tooltip", async ({ browser, prisma }) => {
  const user = await makeUser(prisma, { role: "IT" });
  await prisma.apiToken.create({
    data: {
      userId: user.id,
      name: "Locale check",
      tokenHash: `locale-${Date.now()}-${Math.random()}`,
      prefix: "rb_locale",
      createdAt: new Date("2026-11-26T15:53:00Z"),
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    },
  });
  for (const [locale, expected, full] of [
    ["de-DE", "26.11.2026, 15:53", /Donnerstag, 26\. November 2026/],
    ["fr-FR", /^26 nov\. 2026(,| à)\s15:53$/u, /jeudi 26 novembre 2026/],
    ["en-US", /^Nov 26, 2026, 3:53\sPM$/u, /Thursday, November 26, 2026/],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await signIn(page, user);
    await page.goto("/settings/tokens");
    const created = page
      .getByRole("row", { name: /Locale check/ })
      .locator("time")
      .first();
    await expect(created).toHaveText(expected);
    expect(await created.getAttribute("title")).toMatch(full);
    await context.close();
  }
});

test("a language chosen in the profile wins over the browser's", async ({ browser, prisma }) => {
  const user = await makeUser(prisma, { role: "IT" });
  await prisma.apiToken.create({
    data: {
      userId: user.id,
      name: "Chosen locale",
      tokenHash: `chosen-locale-${Date.now()}-${Math.random()}`,
      prefix: "rb_chosen",
      createdAt: new Date("2026-11-26T15:53:00Z"),
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    },
  });
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, user);
  await page.goto("/settings/profile");
  const profile = page.getByRole("form", { name: "Profile" });
  const language = profile.getByLabel("Language of dates and amounts");
  await expect(language).toHaveValue("");
  await expect(language.locator("option").first()).toHaveText("The browser's (en-US)");
  await language.selectOption("de-DE");
  await profile.getByRole("button", { name: "Save" }).click();
  await expect(profile.getByRole("status")).toHaveText("Saved.");

  await page.goto("/settings/tokens");
  const created = page
    .getByRole("row", { name: /Chosen locale/ })
    .locator("time")
    .first();
  await expect(created).toHaveText("26.11.2026, 15:53");
  expect(await created.getAttribute("title")).toMatch(/Donnerstag, 26\. November 2026/);

  // Back to the browser's.
  await page.goto("/settings/profile");
  await expect(language).toHaveValue("de-DE");
  await language.selectOption("");
  await profile.getByRole("button", { name: "Save" }).click();
  await expect(profile.getByRole("status")).toHaveText("Saved.");
  await page.goto("/settings/tokens");
  await expect(
    page
      .getByRole("row", { name: /Chosen locale/ })
      .locator("time")
      .first(),
  ).toHaveText(/^Nov 26, 2026, 3:53\sPM$/u);
  await context.close();
});
