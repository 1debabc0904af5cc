// Issue 13: axe-core on every main page, for each role (light theme), and for an admin in the
// dark theme too (its palette has its own contrasts): no serious or critical violation of
// WCAG 2.0/2.1/2.2 A and AA. The API reference (one long page, the same for every role) is
// checked in api-docs.spec.ts, in both themes.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ROLES } from "../lib/lifecycle";
import { makeChecklist, makeUseCase } from "../prisma/seed/factories";
import { expect, test } from "./fixtures";

const PAGES = [
  "/",
  "/use-cases",
  "/use-cases/new",
  "{useCase}",
  "{useCase}/value-case",
  "{useCase}/activity",
  "/board",
  "/reviews",
  "/handover",
  "/services",
  "/notifications",
  "/settings/profile",
  "/settings/tokens",
];
const ADMIN_PAGES = ["/admin/users", "/admin/webhooks", "/admin/audit", "/admin/settings", "/admin/checklists"];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
}

async function audit(page: Page, paths: string[], useCasePath: string) {
  const found: string[] = [];
  for (const template of paths) {
    const path = template.replace("{useCase}", useCasePath);
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await page.waitForLoadState("networkidle");
    for (const v of await violations(page)) found.push(`${path}: ${v}`);
  }
  return found;
}

test.describe("accessibility (axe-core)", () => {
  test.describe.configure({ timeout: 180_000 });

  test("the sign-in page has no serious or critical violation", async ({ page }) => {
    await page.goto("/login");
    expect(await violations(page)).toEqual([]);
  });

  for (const role of ROLES) {
    test(`every main page as ${role}: no serious or critical violation`, async ({ page, prisma, signInAs }) => {
      const user = await signInAs(role);
      const useCase = await makeUseCase(prisma, {
        title: `Accessible use case ${role}`,
        ownerId: user.id,
        output: "Churn score per customer",
        outcome: "Fewer cancellations",
        benefitArea: "REVENUE_GROWTH",
        ebitda: { low: "100000", base: "200000", high: "300000", currency: "EUR" },
      });
      await makeChecklist(prisma, { useCaseId: useCase.id, stage: "PROTOTYPE" });
      const found = await audit(
        page,
        role === "ADMIN" ? [...PAGES, ...ADMIN_PAGES] : PAGES,
        `/use-cases/UC-${useCase.number}`,
      );
      expect(found, found.join("\n")).toEqual([]);
    });
  }

  test("every main page in the dark theme (ADMIN): no serious or critical violation", async ({
    page,
    prisma,
    signInAs,
  }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    const user = await signInAs("ADMIN");
    const useCase = await makeUseCase(prisma, { title: "Accessible in the dark", ownerId: user.id });
    const found = await audit(page, [...PAGES, ...ADMIN_PAGES], `/use-cases/UC-${useCase.number}`);
    expect(found, found.join("\n")).toEqual([]);
  });
});
