// axe-core on every main page, for each role (light theme), and for an admin in the
// dark theme too (its palette has its own contrasts): no serious or critical violation of
// WCAG 2.0/2.1/2.2 A and AA. The API reference's pages (the same for every role) are checked
// in api-docs.spec.ts.
import type { Page } from "@playwright/test";
import { ROLES } from "@/lib/lifecycle";
import { makeChecklist, makeUseCase } from "@/prisma/seed/factories";
import { seriousViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const PAGES = [
  "/",
  "/use-cases",
  "/use-cases/new",
  "{useCase}",
  "{useCase}/value-case",
  "{useCase}/model-card",
  "{useCase}/activity",
  "/board",
  "/roadmap",
  "/portfolio/matrix",
  "/reviews",
  "/handover",
  "/risks",
  "/services",
  "/notifications",
  "/settings/profile",
  "/settings/tokens",
];
const ADMIN_PAGES = [
  "/admin",
  "/admin/users",
  "/admin/webhooks",
  "/admin/chat-channels",
  "/admin/audit",
  "/admin/settings",
  "/admin/checklists",
  "/admin/scoring",
  "/admin/risk-template",
];

async function audit(page: Page, paths: string[], useCasePath: string) {
  const found: string[] = [];
  for (const template of paths) {
    const path = template.replace("{useCase}", useCasePath);
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await page.waitForLoadState("networkidle");
    for (const v of await seriousViolations(page)) found.push(`${path}: ${v}`);
  }
  return found;
}

/** The pages in groups of four: one test each, so a slow page cannot starve the rest of a role's time. */
function inGroups(paths: string[]): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < paths.length; i += 4) groups.push(paths.slice(i, i + 4));
  return groups;
}

test.describe("accessibility (axe-core)", () => {
  test.describe.configure({ timeout: 180_000 });

  test("the check itself reports a control whose accessible name leaves out its visible text", async ({ page }) => {
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>t</title></head><body><main><button aria-label="Check superset now">Check now</button></main></body></html>',
    );
    expect((await seriousViolations(page)).join("\n")).toContain("label-content-name-mismatch");
  });

  test("the sign-in page has no serious or critical violation", async ({ page }) => {
    await page.goto("/login");
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const role of ROLES) {
    for (const group of inGroups(role === "ADMIN" ? [...PAGES, ...ADMIN_PAGES] : PAGES)) {
      test(`as ${role}, ${group.join(", ")}: no serious or critical violation`, async ({ page, prisma, signInAs }) => {
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
        const found = await audit(page, group, `/use-cases/UC-${useCase.number}`);
        expect(found, found.join("\n")).toEqual([]);
      });
    }
  }

  for (const group of inGroups([...PAGES, ...ADMIN_PAGES]))
    test(`in the dark theme (ADMIN), ${group.join(", ")}: no serious or critical violation`, async ({
      page,
      prisma,
      signInAs,
    }) => {
      await page.emulateMedia({ colorScheme: "dark" });
      const user = await signInAs("ADMIN");
      const useCase = await makeUseCase(prisma, { title: "Accessible in the dark", ownerId: user.id });
      const found = await audit(page, group, `/use-cases/UC-${useCase.number}`);
      expect(found, found.join("\n")).toEqual([]);
    });
});
