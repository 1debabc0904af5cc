import type { Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

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
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  // The overview: how to call the API, and contents that link to one page per tag.
  const contents = page.getByRole("navigation", { name: "Contents" });
  await expect(contents.getByRole("link", { name: "GET List use cases" })).toHaveAttribute(
    "href",
    "/api-docs/use-cases#listUseCases",
  );

  // Following an operation opens its tag's page at its section.
  await contents.getByRole("link", { name: "POST Vote on a gate review" }).click();
  await expect(page).toHaveURL(/\/api-docs\/gates#decideGate$/);
  await expect(page.getByRole("heading", { name: "Gates", level: 1 })).toBeVisible();
  const endpoints = page.getByRole("region", { name: "Endpoints" });
  const vote = endpoints.locator("section#decideGate");
  await expect(vote.getByRole("heading", { name: "Vote on a gate review", level: 3, exact: true })).toBeInViewport();
  await expect(vote.locator("header > p").first()).toHaveText("POST /api/v1/gates/{id}/decisions");
  const sections = page.getByRole("navigation", { name: "Sections" });
  await expect(sections.getByRole("link", { name: "Gates", exact: true })).toHaveAttribute("aria-current", "page");

  // Another tag's page, reached from the sections by keyboard.
  await sections.getByRole("link", { name: "Use cases", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/api-docs\/use-cases$/);
  await expect(page.getByRole("heading", { name: "Use cases", level: 1 })).toBeVisible();

  // Rendered on the server from the OpenAPI document, in the HTML of a document of its own,
  // served with a nonce-based CSP.
  const reload = await page.reload();
  const csp = reload?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("connect-src 'self'");
  const html = (await reload?.text()) ?? "";
  expect(html).toContain("Create a use case");
  expect(html).toContain('id="listUseCases"');

  // Each operation: a section with its operationId as anchor, the summary as heading, method and path.
  const list = endpoints.locator("section#listUseCases");
  await expect(list.getByRole("heading", { name: "List use cases", level: 3, exact: true })).toBeVisible();
  await expect(list.locator("header > p").first()).toHaveText("GET /api/v1/use-cases");
  await expect(list.getByRole("columnheader", { name: "Required" })).toBeVisible();
  await expect(list.getByRole("cell", { name: "cursor", exact: true })).toBeVisible();
  const create = endpoints.locator("section#createUseCase");
  await expect(create.getByRole("heading", { name: "Create a use case", level: 3, exact: true })).toBeVisible();
  await expect(create.locator("header > p").first()).toHaveText("POST /api/v1/use-cases");
  await expect(create.getByRole("heading", { name: /Request body/, level: 4 })).toBeVisible();

  // Nested schemas fold into native <details>: opening one needs no script.
  const nested = create.locator("details").first();
  await nested.locator("summary").click();
  await expect(nested).toHaveAttribute("open", "");

  // The error schema every operation shares is described once, on the overview; its link goes there.
  await create.getByRole("link", { name: "Problem" }).first().click();
  await expect(page).toHaveURL(/\/api-docs#schema-Problem$/);
  await expect(page.getByRole("region", { name: "The Problem schema" })).toBeInViewport();

  // An unknown tag is a page that does not exist (streamed, so the "Not found" page, not a 404 status).
  await page.goto("/api-docs/no-such-tag");
  await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();

  await page.waitForLoadState("networkidle");
  expect(external, "requests that left this machine").toEqual([]);
  expect(cspErrors, "Content Security Policy violations in the console").toEqual([]);
  expect(await violations(), "securitypolicyviolation events").toEqual([]);
  expect(pageErrors, "uncaught errors in the page").toEqual([]);
});

// Every page of the reference in the light theme; in the dark one (the same components, its own
// palette), the overview and the two longest tag pages. Each page is small, so a test covers several.
const TAG_PAGES = [
  "use-cases",
  "gates",
  "checklists",
  "value",
  "services",
  "portfolio",
  "settings",
  "users",
  "discussion",
  "audit",
  "tokens",
  "webhooks",
  "meta",
  "risk",
  "attachments",
  "toolchain",
  "views",
].map((slug) => `/api-docs/${slug}`);
/** Four pages a test, so a slow page cannot starve the others of time. */
const inFours = (paths: string[]) =>
  Array.from({ length: Math.ceil(paths.length / 4) }, (_, i) => paths.slice(i * 4, i * 4 + 4));
const CHECKED = [
  ...inFours(["/api-docs", ...TAG_PAGES]).map((paths) => ({ colorScheme: "light" as const, paths })),
  { colorScheme: "dark" as const, paths: ["/api-docs", "/api-docs/risk", "/api-docs/portfolio"] },
];

test("the accessibility checks below cover every page of the reference", async ({ page, signInAs }) => {
  await signInAs("BUSINESS");
  await page.goto("/api-docs");
  // The contents link each tag's page, and each operation by anchor on it.
  const hrefs = await page
    .getByRole("navigation", { name: "Contents" })
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const linked = hrefs.filter((href) => !href.includes("#"));
  expect(linked.sort()).toEqual([...TAG_PAGES].sort());
});

for (const { colorScheme, paths } of CHECKED)
  test(`the API reference has no serious or critical accessibility violation (${colorScheme} theme: ${paths.join(", ")})`, async ({
    page,
    signInAs,
  }) => {
    test.setTimeout(180_000); // axe on four long pages, on a loaded 2-core CI machine
    await page.emulateMedia({ colorScheme });
    await signInAs("BUSINESS");
    const found: string[] = [];
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      for (const violation of await seriousViolations(page)) found.push(`${path}: ${violation}`);
    }
    expect(found, found.join("\n")).toEqual([]);
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
