import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Record the page's CSP violations as `<directive> <blocked URI>` (they fire even when the console stays silent). */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener("securitypolicyviolation", (event) =>
      violations.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test("the API reference renders offline, within the page's Content Security Policy", async ({ page, signInAs }) => {
  test.setTimeout(120_000); // Scalar is a large bundle, rendered twice here
  // Every request the page makes: anything leaving this machine is recorded and aborted.
  const external: string[] = [];
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === "http:" || url.protocol === "https:") && !LOCAL_HOSTS.has(url.hostname)) {
      external.push(route.request().url());
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  const cspErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  const violations = await recordViolations(page);

  await signInAs("DATA_SCIENTIST");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  // Scalar renders the operations from /api/v1/openapi.json (after a client-side navigation).
  const endpoints = page.getByRole("region", { name: "Endpoints" });
  await expect(endpoints.getByText("List use cases").first()).toBeVisible({ timeout: 45_000 });

  // And as a document of its own, served with a nonce-based CSP.
  const reload = await page.reload();
  const csp = reload?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("connect-src 'self'");
  await expect(endpoints.getByText("List use cases").first()).toBeVisible({ timeout: 45_000 });
  await expect(endpoints.getByText("Loading the API reference…")).toHaveCount(0);
  await expect(endpoints.getByText("Create a use case").first()).toBeVisible();

  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1000); // anything scheduled after the first render
  expect(external, "requests that left this machine").toEqual([]);
  expect(cspErrors, "Content Security Policy violations in the console").toEqual([]);
  // Includes zod's eval probe ("script-src eval"), which lib/validation/no-eval.ts turns off.
  expect(await violations(), "securitypolicyviolation events").toEqual([]);
  expect(pageErrors, "uncaught errors in the page").toEqual([]);
});

test("the OpenAPI document is public JSON", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
  const operations = Object.values(document.paths as Record<string, Record<string, { summary?: string }>>).flatMap(
    (path) => Object.values(path).map((operation) => operation.summary),
  );
  expect(operations).toContain("List use cases");
});
