import type { Page } from "@playwright/test";
import { seriousViolations } from "./axe";
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
  // The page is large (every operation and schema, about 750 kB of HTML): on a busy CI machine its
  // server render took over 5 s after the navigation's loading state.
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible({ timeout: 30_000 });
  // Rendered on the server from the OpenAPI document: there after a client-side navigation...
  const endpoints = page.getByRole("region", { name: "Endpoints" });
  await expect(endpoints.getByRole("heading", { name: "List use cases", level: 3, exact: true })).toBeVisible();

  // ...and in the HTML of a document of its own, served with a nonce-based CSP.
  const reload = await page.reload();
  const csp = reload?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("connect-src 'self'");
  const html = (await reload?.text()) ?? "";
  expect(html).toContain("Create a use case");
  expect(html).toContain('id="listUseCases"');

  // Each operation: a section with its operationId as anchor, the summary as heading, method and path.
  await expect(endpoints.getByRole("heading", { name: "Use cases", level: 2, exact: true })).toBeVisible();
  const list = endpoints.locator("section#listUseCases");
  await expect(list.getByRole("heading", { name: "List use cases", level: 3, exact: true })).toBeVisible();
  await expect(list.locator("header > p").first()).toHaveText("GET /api/v1/use-cases");
  await expect(list.getByRole("columnheader", { name: "Required" })).toBeVisible();
  await expect(list.getByRole("cell", { name: "cursor", exact: true })).toBeVisible();
  const create = endpoints.locator("section#createUseCase");
  await expect(create.getByRole("heading", { name: "Create a use case", level: 3, exact: true })).toBeVisible();
  await expect(create.locator("header > p").first()).toHaveText("POST /api/v1/use-cases");
  await expect(create.getByRole("heading", { name: /Request body/, level: 4 })).toBeVisible();
  const vote = endpoints.locator("section#decideGate");
  await expect(vote.locator("header > p").first()).toHaveText("POST /api/v1/gates/{id}/decisions");

  // The table of contents links to the operations: following one moves to its section.
  const contents = page.getByRole("navigation", { name: "Contents" });
  await contents.getByRole("link", { name: "POST Vote on a gate review" }).click();
  await expect(page).toHaveURL(/\/api-docs#decideGate$/);
  await expect(vote.getByRole("heading", { name: "Vote on a gate review", level: 3, exact: true })).toBeInViewport();
  // A tag link moves to its group, and the keyboard reaches the links.
  await contents.getByRole("link", { name: "Audit", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#tag-audit$/);
  await expect(endpoints.getByRole("heading", { name: "Audit", level: 2, exact: true })).toBeInViewport();

  // Nested schemas fold into native <details>: opening one needs no script.
  const nested = create.locator("details").first();
  await nested.locator("summary").click();
  await expect(nested).toHaveAttribute("open", "");

  await page.waitForLoadState("networkidle");
  expect(external, "requests that left this machine").toEqual([]);
  expect(cspErrors, "Content Security Policy violations in the console").toEqual([]);
  expect(await violations(), "securitypolicyviolation events").toEqual([]);
  expect(pageErrors, "uncaught errors in the page").toEqual([]);
});

for (const colorScheme of ["light", "dark"] as const)
  test(`the API reference has no serious or critical accessibility violation (${colorScheme} theme)`, async ({
    page,
    signInAs,
  }) => {
    test.setTimeout(180_000); // axe on a long page (every endpoint), on a loaded 2-core CI machine
    await page.emulateMedia({ colorScheme });
    await signInAs("BUSINESS");
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
    const serious = await seriousViolations(page);
    expect(serious, serious.join("\n")).toEqual([]);
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
