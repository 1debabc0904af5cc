// Single sign-on against a real OpenID Connect provider on this machine (e2e/support/oidc-server.ts,
// started by global-setup with the app's OIDC env): through the browser and the provider's
// sign-in page, with PKCE and state.
import type { Page } from "@playwright/test";
import { makeUser } from "@/prisma/seed/factories";
import { expect, test } from "../support/fixtures";
import { SSO_ACCOUNTS, SSO_BUTTON } from "../support/oidc-server";

const issuer = () => {
  const value = process.env.E2E_OIDC_ISSUER;
  if (!value) throw new Error("E2E_OIDC_ISSUER is not set (global-setup starts the provider).");
  return value;
};

// With no user at all, the sign-in page sends the first visitor to /setup.
test.beforeAll(async ({ prisma }) => {
  await makeUser(prisma, { role: "ADMIN" });
});

/** From our sign-in page to the provider's, sign in there as `login`, and come back. */
async function signInWithSso(page: Page, login: keyof typeof SSO_ACCOUNTS) {
  await page.goto("/login");
  await page.getByRole("button", { name: SSO_BUTTON }).click();
  await expect(page).toHaveURL(new RegExp(`^${issuer()}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("a user whose group maps to a role signs in through the identity provider and lands on the dashboard with it", async ({
  page,
  prisma,
}) => {
  await signInWithSso(page, "sso-scientist");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  const header = page.locator("header");
  await expect(header.getByText(SSO_ACCOUNTS["sso-scientist"].name)).toBeVisible();
  await expect(header.getByText("Data scientist", { exact: true })).toBeVisible();

  const user = await prisma.user.findUniqueOrThrow({ where: { ssoSubject: `${issuer()}|sso-scientist` } });
  expect(user).toMatchObject({
    email: "sso-scientist@idp.test",
    role: "DATA_SCIENTIST",
    passwordHash: null,
    active: true,
    awaitingRole: false,
  });
  const audit = await prisma.auditEvent.findFirst({
    where: { action: "auth.sign-in", actorId: user.id },
    orderBy: { at: "desc" },
  });
  expect(audit?.after).toMatchObject({ via: "sso", email: "sso-scientist@idp.test" });

  // The session is an ordinary one: pages and the cookie-authenticated API work.
  await page.goto("/use-cases");
  await expect(page).toHaveURL(/\/use-cases$/);
  expect((await page.request.get("/api/v1/use-cases")).status()).toBe(200);
});

test("a user with no mapped group is told an admin must assign a role, and gets no access", async ({
  page,
  prisma,
}) => {
  await signInWithSso(page, "sso-newcomer");
  await expect(page).toHaveURL(/\/awaiting-role$/);
  await expect(page.getByRole("heading", { name: "An administrator must assign you a role" })).toBeVisible();
  const user = await prisma.user.findUniqueOrThrow({ where: { ssoSubject: `${issuer()}|sso-newcomer` } });
  expect(user).toMatchObject({ awaitingRole: true, active: false });

  await page.goto("/use-cases");
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/v1/use-cases")).status()).toBe(401);
});

test("a deactivated user is refused at sign-in", async ({ page, prisma }) => {
  await prisma.user.upsert({
    where: { email: SSO_ACCOUNTS["sso-leaver"].email },
    create: {
      email: SSO_ACCOUNTS["sso-leaver"].email,
      name: SSO_ACCOUNTS["sso-leaver"].name,
      role: "DATA_SCIENTIST",
      ssoSubject: `${issuer()}|sso-leaver`,
      active: false,
    },
    update: { active: false },
  });
  await signInWithSso(page, "sso-leaver");
  await expect(page).toHaveURL(/\/login\?error=sso-deactivated/);
  await expect(page.getByRole("alert").filter({ hasText: "Your account is deactivated." })).toBeVisible();
  await page.goto("/use-cases");
  await expect(page).toHaveURL(/\/login/);
});

test("a user outside the allowed domains is refused, even in a mapped group", async ({ page, prisma }) => {
  await signInWithSso(page, "sso-outsider");
  await expect(page).toHaveURL(/\/login\?error=sso-domain-not-allowed/);
  await expect(page.getByRole("alert").filter({ hasText: "not one your organisation allows" })).toBeVisible();
  expect(await prisma.user.findUnique({ where: { email: SSO_ACCOUNTS["sso-outsider"].email } })).toBeNull();
});

test("an admin taken out of the admins group loses the role at the next sign-in", async ({ page, prisma }) => {
  const account = SSO_ACCOUNTS["sso-former-admin"];
  await prisma.user.upsert({
    where: { email: account.email },
    create: { email: account.email, name: account.name, role: "ADMIN", ssoSubject: `${issuer()}|sso-former-admin` },
    update: { role: "ADMIN", active: true, awaitingRole: false },
  });
  await signInWithSso(page, "sso-former-admin");
  await expect(page).toHaveURL(/\/awaiting-role$/);
  expect(await prisma.user.findUniqueOrThrow({ where: { email: account.email } })).toMatchObject({
    active: false,
    awaitingRole: true,
  });
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login/);
});

test("an Entra ID user with too many groups for the token gets the role their groups in Graph map to", async ({
  page,
  prisma,
}) => {
  await signInWithSso(page, "sso-many-groups");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.locator("header").getByText("Admin", { exact: true })).toBeVisible();
  const user = await prisma.user.findUniqueOrThrow({ where: { ssoSubject: `${issuer()}|sso-many-groups` } });
  expect(user).toMatchObject({ role: "ADMIN", active: true });
});
