import { makeUseCase, makeUser } from "../prisma/seed/factories";
import { createApiToken } from "../server/auth/api-tokens";
import { expect, signIn, test } from "./fixtures";
import { chooseFromUserMenu } from "./user-menu";

test("pages carry a CSP with a fresh nonce on every script, and the hardening headers", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const csp = first.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  for (const response of [first, await request.get("/api/health")]) {
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toContain("max-age=");
  }
});

test("the main pages run under the CSP without a single violation", async ({ page, signInAs, prisma }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Refused to load: CSP ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const admin = await signInAs("ADMIN");
  const useCase = await makeUseCase(prisma, { ownerId: admin.id, title: `Csp ${Date.now()}` });
  for (const path of ["/", "/use-cases", `/use-cases/UC-${useCase.number}`, "/board", "/reviews", "/services"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  // Client-side validation (zod) runs on submit: it must not probe eval either.
  await page.goto("/use-cases/new");
  await expect(page.getByRole("button", { name: "Create use case" })).toBeEnabled();
  await page.getByRole("button", { name: "Create use case" }).click();
  await expect(page.getByText("Give the use case a title.").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a cookie-signed mutating API call from another site is refused; from this site it passes", async ({
  page,
  signInAs,
  baseURL,
}) => {
  await signInAs("DATA_SCIENTIST");
  const title = `Origin check ${Date.now()}`;
  const foreign = await page.request.post("/api/v1/use-cases", {
    headers: { origin: "http://evil.example" },
    data: { title },
  });
  expect(foreign.status()).toBe(403);
  const missing = await page.request.post("/api/v1/use-cases", { data: { title } });
  expect(missing.status()).toBe(403);
  const same = await page.request.post("/api/v1/use-cases", { headers: { origin: baseURL ?? "" }, data: { title } });
  expect(same.status()).toBe(201);
  // Reads need no Origin.
  expect((await page.request.get("/api/v1/use-cases?limit=1")).status()).toBe(200);
});

test("signing out ends the session everywhere: a copied cookie no longer works", async ({ browser, prisma }) => {
  const user = await makeUser(prisma, { role: "BUSINESS" });
  const first = await browser.newContext();
  const page = await first.newPage();
  await signIn(page, user);
  const cookies = await first.cookies();
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const other = await copy.newPage();
  await other.goto("/");
  await expect(other).not.toHaveURL(/\/login/);

  await page.goto("/");
  await chooseFromUserMenu(page, "Sign out");
  await expect(page).toHaveURL(/\/login/);
  await other.goto("/");
  await expect(other).toHaveURL(/\/login/);
  await first.close();
  await copy.close();
});

test("no password hash, token hash or secret appears in any page or RSC payload", async ({
  page,
  signInAs,
  prisma,
}) => {
  const admin = await signInAs("ADMIN");
  await createApiToken(prisma, admin.email, "grep check");
  const tokenHashes = (await prisma.apiToken.findMany({ select: { tokenHash: true }, take: 50 })).map(
    (t) => t.tokenHash,
  );
  const bodies: string[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/text|json|x-component/.test(type)) bodies.push(await response.text().catch(() => ""));
  });
  for (const path of ["/", "/use-cases", "/settings/tokens", "/admin/audit", "/admin/settings", "/admin/webhooks"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // Client navigations fetch RSC payloads too.
  await page.getByRole("link", { name: "Use cases", exact: true }).click();
  await page.waitForLoadState("networkidle");
  expect(bodies.length).toBeGreaterThan(5);
  const all = bodies.join("\n");
  expect(all).not.toContain("$argon2id$");
  for (const hash of tokenHashes) expect(all).not.toContain(hash);
  expect(all).not.toContain("e2e-secret-e2e-secret");
  expect(all).not.toContain("e2e-metrics-token");
});
