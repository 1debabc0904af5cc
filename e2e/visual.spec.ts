// Issue 13: screenshots of the main pages in the light and dark themes, at desktop and tablet
// widths, compared with the committed baselines (e2e/visual.spec.ts-snapshots/). Pages are
// chosen, and what changes between runs is masked (keys, dates), so the other workers' data
// never shows. After an intended change: `npx playwright test e2e/visual.spec.ts --update-snapshots`.
import type { Page } from "@playwright/test";
import { THEME_COOKIE } from "../lib/theme";
import { makeChecklist, makeUseCase } from "../prisma/seed/factories";
import { expect, test } from "./fixtures";

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  tablet: { width: 820, height: 1180 },
} as const;
const THEMES = ["light", "dark"] as const;

async function expectPage(page: Page, name: string, mask = [page.locator("time")]) {
  await page.waitForLoadState("networkidle");
  await expect(page).toHaveScreenshot(`${name}.png`, {
    animations: "disabled",
    mask,
    maxDiffPixelRatio: 0.01,
  });
}

for (const theme of THEMES) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test.describe(`${theme}, ${size}`, () => {
      test.use({ viewport, colorScheme: theme });

      test("sign-in page", async ({ page }) => {
        await page.goto("/login");
        await expectPage(page, `login-${theme}-${size}`);
      });

      test("new use case form, empty tokens page, not-found page", async ({ page, signInAs }) => {
        await signInAs("DATA_SCIENTIST", { name: "Dana Scientist" });
        await page.goto("/use-cases/new");
        await expect(page.getByRole("button", { name: "Create use case" })).toBeEnabled();
        await expectPage(page, `new-use-case-${theme}-${size}`);
        await page.goto("/settings/tokens");
        await expectPage(page, `tokens-${theme}-${size}`);
        await page.goto("/use-cases/UC-999999999");
        await expectPage(page, `not-found-${theme}-${size}`);
      });

      test("use-case page", async ({ page, prisma, signInAs }) => {
        const owner = await signInAs("DATA_SCIENTIST", { name: "Dana Scientist" });
        const useCase = await makeUseCase(prisma, {
          title: "Churn prediction for retail banking",
          summary: "Score every customer monthly for the risk of closing their accounts.",
          output: "Churn probability per customer",
          outcome: "Fewer account closures through targeted retention offers",
          pocResult: "AUC 0.81 on last year's closures",
          benefitArea: "REVENUE_GROWTH",
          ebitda: { low: "250000", base: "400000", high: "650000", currency: "EUR" },
          stage: "PROTOTYPE",
          ownerId: owner.id,
        });
        await makeChecklist(prisma, { useCaseId: useCase.id, stage: "PROTOTYPE" });
        await page.goto(`/use-cases/UC-${useCase.number}`);
        await expect(page.getByRole("heading", { name: "Churn prediction for retail banking" })).toBeVisible();
        await expectPage(page, `use-case-${theme}-${size}`, [page.locator("time"), page.getByText(/UC-\d+/)]);
      });
    });
  }
}

// The theme chosen in the account menu (a cookie; a class on <html>) overrides the system's:
// the same pages as the system themes above, against the same baselines.
for (const [chosen, system] of [
  ["dark", "light"],
  ["light", "dark"],
] as const) {
  test(`${chosen} chosen on a ${system} system looks like the ${chosen} theme`, async ({ page, context, baseURL }) => {
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.emulateMedia({ colorScheme: system });
    await context.addCookies([{ name: THEME_COOKIE, value: chosen, url: baseURL ?? "" }]);
    await page.goto("/login");
    await expectPage(page, `login-${chosen}-desktop`);
  });
}
