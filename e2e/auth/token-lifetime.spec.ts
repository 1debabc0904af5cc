// API tokens do not outlive what they were made for: they expire, carry a scope, are minted
// only from a recent browser sign-in, are revoked with a password change or a sign-out
// everywhere when the user asks, and an admin can revoke anyone's. Over real HTTP against the
// production build.
import type { APIRequestContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { createApiToken, hashToken } from "@/server/auth/api-tokens";
import { expect, sameOrigin, test } from "../support/fixtures";
import { E2E_SESSION_SECRET } from "../support/server-secrets";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function expectProblem(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number) {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  return (await response.json()) as { detail: string };
}

test("a token cannot mint a token, nor can a session signed in more than 15 minutes ago", async ({
  request,
  prisma,
  playwright,
  baseURL,
}) => {
  const user = await prisma.user.create({
    data: { email: `minter-${Date.now()}@test.roadbook`, name: "Mia Minter", role: "IT", passwordHash: null },
  });
  const token = await createApiToken(prisma, user.email, "Jenkins");
  const refused = await request.post("/api/v1/tokens", { headers: bearer(token), data: { name: "Successor" } });
  expect((await expectProblem(refused, 403)).detail).toMatch(/API token cannot create tokens/);

  // A session cookie as next-auth makes it (same secret), signed in `minutesAgo` minutes ago.
  const sessionOf = async (minutesAgo: number) => {
    const at = Math.floor(Date.now() / 1000) - minutesAgo * 60;
    const cookie = await encode({
      secret: E2E_SESSION_SECRET,
      token: { sub: user.id, name: user.name, email: user.email, sv: user.sessionVersion, at },
    });
    const context = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { ...sameOrigin(), cookie: `next-auth.session-token=${cookie}` },
    });
    return context;
  };
  const stale = await sessionOf(20);
  expect((await stale.get("/api/v1/tokens")).status()).toBe(200); // a valid session, just not a recent sign-in
  const staleAnswer = await stale.post("/api/v1/tokens", { data: { name: "From an old session" } });
  expect((await expectProblem(staleAnswer, 403)).detail).toMatch(/sign-in within the last 15 minutes/);
  const fresh = await sessionOf(1);
  const created = await fresh.post("/api/v1/tokens", { data: { name: "From a fresh session" } });
  expect(created.status(), await created.text()).toBe(201);
  expect(await prisma.apiToken.count({ where: { userId: user.id } })).toBe(2);
  await stale.dispose();
  await fresh.dispose();
});

test("a read-only token reads and may not write; an expired token is refused", async ({ request, prisma }) => {
  const user = await prisma.user.create({
    data: { email: `reader-${Date.now()}@test.roadbook`, name: "Rey Reader", role: "DATA_SCIENTIST" },
  });
  const reader = await createApiToken(prisma, user.email, "Dashboard", { scope: "read-only" });
  expect((await request.get("/api/v1/use-cases?limit=1", { headers: bearer(reader) })).status()).toBe(200);
  const title = `Written by a read-only token ${Date.now()}`;
  const write = await request.post("/api/v1/use-cases", { headers: bearer(reader), data: { title } });
  expect((await expectProblem(write, 403)).detail).toMatch(/read-only/);
  expect(await prisma.useCase.count({ where: { title } })).toBe(0);

  const writer = await createApiToken(prisma, user.email, "Pipeline", { expiresInDays: 1 });
  expect((await request.post("/api/v1/use-cases", { headers: bearer(writer), data: { title } })).status()).toBe(201);
  await prisma.apiToken.update({
    where: { tokenHash: hashToken(writer) },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  await expectProblem(await request.get("/api/v1/use-cases?limit=1", { headers: bearer(writer) }), 401);
});

test("the rate limit counts one token once, however its Authorization header is spelt", async ({ request, prisma }) => {
  test.setTimeout(180_000);
  const user = await prisma.user.create({
    data: { email: `spelling-${Date.now()}@test.roadbook`, name: "Sam Spelling", role: "BUSINESS" },
  });
  const token = await createApiToken(prisma, user.email, "Spelling");
  const spellings = [`Bearer ${token}`, `bearer ${token}`, `BEARER ${token}`, `Bearer    ${token}`];
  // 600 a minute (the default), refilled at 10 a second: one bucket answers 429 after about
  // 600 + 10 × (seconds elapsed) requests. Four spellings used to be four buckets (2,400 + ...).
  const started = Date.now();
  let sent = 0;
  let firstLimitedAt: number | null = null;
  while (firstLimitedAt === null && sent < 2400 && Date.now() - started < 150_000) {
    const answers = await Promise.all(
      spellings.flatMap((authorization) =>
        Array.from({ length: 5 }, () => request.get("/api/v1/tokens", { headers: { authorization } })),
      ),
    );
    sent += answers.length;
    if (answers.some((answer) => answer.status() === 429)) firstLimitedAt = sent;
  }
  const seconds = (Date.now() - started) / 1000;
  expect(firstLimitedAt, `no 429 after ${sent} requests in ${seconds} s`).not.toBeNull();
  expect(firstLimitedAt ?? 0).toBeLessThanOrEqual(600 + 10 * seconds + 20);
});

test("a password change and a sign-out everywhere revoke the user's tokens when asked", async ({
  page,
  prisma,
  request,
  signInAs,
}) => {
  const user = await signInAs("DATA_SCIENTIST", { name: "Tess Tokenholder" });
  const first = await createApiToken(prisma, user.email, "Before the password change");
  await page.goto("/settings/profile");
  const form = page.getByRole("form", { name: "Change password" });
  await expect(form.getByRole("button").last()).toBeEnabled();
  const strong = "orbit-cactus-lantern-93";
  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password", { exact: true }).fill(strong);
  await form.getByLabel("New password again").fill(strong);
  await form.getByLabel("Also revoke all my API tokens").check();
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 API token revoked." })).toBeVisible();
  await expectProblem(await request.get("/api/v1/tokens", { headers: bearer(first) }), 401);

  // Sign out everywhere without the box: tokens keep working; with it: they stop.
  const kept = await createApiToken(prisma, user.email, "Kept");
  const signOutForm = page.getByRole("form", { name: "Sign out everywhere" });
  await signOutForm.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await request.get("/api/v1/tokens", { headers: bearer(kept) })).status()).toBe(200);

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(strong);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/settings/profile");
  await signOutForm.getByLabel("Also revoke all my API tokens").check();
  await signOutForm.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expectProblem(await request.get("/api/v1/tokens", { headers: bearer(kept) }), 401);
});

test("an admin sees a user's tokens and revokes one", async ({ page, prisma, request, signInAs }) => {
  await signInAs("ADMIN");
  const owner = await prisma.user.create({
    data: { email: `laptop-${Date.now()}@test.roadbook`, name: `Lou Lostlaptop ${Date.now()}`, role: "IT" },
  });
  const token = await createApiToken(prisma, owner.email, "Lost laptop", { scope: "read-only" });
  await page.goto(`/admin/users?q=${encodeURIComponent(owner.email)}`);
  await page.getByRole("link", { name: `API tokens of ${owner.name}` }).click();
  await expect(page.getByRole("heading", { name: `API tokens of ${owner.name}` })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Lost laptop" }) });
  await expect(row.getByRole("cell").nth(1)).toHaveText("Read only");
  await row.getByRole("button", { name: "Revoke Lost laptop" }).click();
  await row.getByRole("button", { name: "Revoke Lost laptop" }).click();
  await expect(row.getByRole("cell").nth(5)).toHaveText(/^Revoked \S/);
  await expectProblem(await request.get("/api/v1/tokens", { headers: bearer(token) }), 401);
});
