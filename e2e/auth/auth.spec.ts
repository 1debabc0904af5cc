import { makeUser } from "@/prisma/seed/factories";
import { expect, postCredentials, signIn, test } from "../support/fixtures";

test("the 11th failed sign-in for an account from one address is throttled with 429 and a retry time", async ({
  page,
  prisma,
}) => {
  const user = await makeUser(prisma, { role: "BUSINESS" });
  for (let i = 0; i < 10; i++) {
    const response = await postCredentials(page.request, user.email, "wrong-password");
    expect(response.status(), `attempt ${i + 1}`).toBe(401);
  }
  const throttled = await postCredentials(page.request, user.email, user.password);
  expect(throttled.status()).toBe(429);
  expect(Number(throttled.headers()["retry-after"])).toBeGreaterThan(800);
  expect((await throttled.json()).detail).toMatch(/Try again in 15 minutes/);

  // The sign-in page shows the same message.
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Too many failed sign-ins. Try again in 15 minutes." }),
  ).toBeVisible();
});

test("wrong credentials get one generic message", async ({ page, prisma }) => {
  const user = await makeUser(prisma, { role: "IT" });
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is not right." })).toBeVisible();
  await page.getByLabel("Email").fill("nobody@nowhere.test");
  const sameAnswer = page.waitForResponse((r) => r.url().endsWith("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Sign in" }).click();
  expect((await sameAnswer).status()).toBe(401);
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is not right." })).toBeVisible();
});

test("a deactivated user's session is refused at once, in pages and in the API", async ({ page, prisma }) => {
  const user = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  await signIn(page, user);
  await page.goto("/use-cases");
  await expect(page.getByRole("heading", { name: "Use cases", exact: true })).toBeVisible();
  expect((await page.request.get("/api/v1/use-cases?limit=1")).status()).toBe(200);

  await prisma.user.update({ where: { id: user.id }, data: { active: false } });
  await page.goto("/use-cases");
  await expect(page).toHaveURL(/\/login/);
  const api = await page.request.get("/api/v1/use-cases?limit=1");
  expect(api.status()).toBe(401);
  expect(api.headers()["content-type"]).toContain("application/problem+json");
});

test("health answers without credentials", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
