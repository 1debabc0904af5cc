// Playwright fixtures: a Prisma client on the test database, and users signed in by role.
// Tests seed through the same factories as the demo seed, never through the UI.
import { type APIRequestContext, type Browser, test as base, expect, type Page } from "@playwright/test";
import type { Role } from "@/lib/lifecycle";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { makeUser } from "@/prisma/seed/factories";
import { assertLocalDatabase } from "@/scripts/test/throwaway-db";

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

/**
 * After `goto` and `reload` of an HTML page, wait until React has hydrated it: no submit button
 * still waits for it (components/ui/button.tsx marks them `data-hydrating`). Fields a user fills
 * before then can be reset by hydration, on a loaded CI machine as on a slow phone; a test that
 * means to act before hydration navigates with `waitUntil: "commit"`. Soft: a page that never
 * hydrates fails on what it then shows, not here.
 */
const waitsForHydration = new WeakSet<Page>();
function interactOnceHydrated(page: Page): Page {
  // Once: the page fixture's page comes from a context of the wrapped browser already.
  if (waitsForHydration.has(page)) return page;
  waitsForHydration.add(page);
  const settle = async <R extends { headers(): Record<string, string> } | null>(response: R, waitUntil?: string) => {
    if (waitUntil === "commit" || !response?.headers()["content-type"]?.includes("text/html")) return response;
    await page
      .waitForFunction(() => !document.querySelector("[data-hydrating]"), undefined, { timeout: 20_000 })
      .catch(() => {});
    return response;
  };
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => settle(await goto(url, options), options?.waitUntil);
  page.reload = async (options) => settle(await reload(options), options?.waitUntil);
  return page;
}

/** Every page of this browser, made by a fixture or by a test's own context, waits for hydration after navigating. */
function hydratedPages(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    const newPage = context.newPage.bind(context);
    context.newPage = async () => interactOnceHydrated(await newPage());
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => interactOnceHydrated(await newPage(options));
  return browser;
}

export const test = base.extend<
  { signInAs: (role: Role, options?: { name?: string }) => Promise<User> },
  { prisma: PrismaClient }
>({
  browser: [async ({ browser }, use) => use(hydratedPages(browser)), { scope: "worker" }],
  page: async ({ page }, use) => use(interactOnceHydrated(page)),
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
