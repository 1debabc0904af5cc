// Playwright fixtures: a Prisma client on the test database, and users signed in by role.
// Tests seed through the same factories as the demo seed, never through the UI.
import { type APIRequestContext, test as base, expect, type Page } from "@playwright/test";
import type { Role } from "../lib/lifecycle";
import { createPrismaClient, type PrismaClient } from "../prisma/client";
import { makeUser } from "../prisma/seed/factories";
import { assertLocalDatabase } from "../scripts/test/throwaway-db";

type User = Awaited<ReturnType<typeof makeUser>>;

/** One credentials sign-in attempt through next-auth's endpoint, as the login form makes it. */
export async function postCredentials(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" } });
}

/** Sign in; the session cookie lands in the page's context. */
export async function signIn(page: Page, user: { email: string; password: string }) {
  const response = await postCredentials(page.request, user.email, user.password);
  expect(response.ok(), await response.text()).toBe(true);
}

/** The Origin header a browser sends on a state-changing request to this app (cookie-authenticated API calls need it). */
export function sameOrigin(): { origin: string } {
  return { origin: new URL(test.info().project.use.baseURL ?? "http://127.0.0.1:3210").origin };
}

export const test = base.extend<
  { signInAs: (role: Role, options?: { name?: string }) => Promise<User> },
  { prisma: PrismaClient }
>({
  prisma: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      const prisma = createPrismaClient(assertLocalDatabase(process.env.DATABASE_URL));
      await use(prisma);
      await prisma.$disconnect();
    },
    { scope: "worker" },
  ],
  signInAs: async ({ page, prisma }, use) => {
    await use(async (role, options = {}) => {
      const user = await makeUser(prisma, { role, ...options });
      await signIn(page, user);
      return user;
    });
  },
});

export { expect };
