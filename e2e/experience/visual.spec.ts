// Screenshots of the main pages in the light and dark themes, at desktop and tablet
// widths, compared with the committed baselines (e2e/experience/visual.spec.ts-snapshots/). Pages are
// chosen, and what changes between runs is masked (keys, dates), so the other workers' data
// never shows. After an intended change: `npx playwright test e2e/experience/visual.spec.ts --update-snapshots`.
import type { Page } from "@playwright/test";
import { THEME_COOKIE } from "@/lib/theme";
import { makeChecklist, makeUseCase } from "@/prisma/seed/factories";
import { expect, test } from "../support/fixtures";

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

// The command palette open, the active filters' chips and, on a phone, the filters' sheet, at
// phone and desktop widths (on a phone the top bar's palette button is an icon alone). The list
// under the chips holds the other workers' data: only the chips and the sheet are compared.
const PHONE_AND_DESKTOP = { desktop: VIEWPORTS.desktop, phone: { width: 390, height: 844 } } as const;
for (const theme of THEMES) {
  for (const [size, viewport] of Object.entries(PHONE_AND_DESKTOP)) {
    test.describe(`${theme}, ${size}, palette and filters`, () => {
      test.use({ viewport, colorScheme: theme });

      test("command palette open", async ({ page, signInAs }) => {
        await signInAs("DATA_SCIENTIST", { name: "Dana Scientist" });
        await page.goto("/use-cases/new");
        await expect(page.getByRole("button", { name: "Create use case" })).toBeEnabled();
        await page.keyboard.press("Control+k");
        await expect(page.getByRole("combobox", { name: "Jump to or run" })).toBeFocused();
        await expectPage(page, `command-palette-${theme}-${size}`);
      });

      test("active filters: the chips, and on a phone the filters' sheet", async ({ page, signInAs }) => {
        await signInAs("BUSINESS", { name: "Bea Business" });
        await page.goto("/use-cases?stage=PROTOTYPE&status=ACTIVE");
        const chips = page.getByRole("list", { name: "Active filters" });
        await expect(chips.locator("li[data-filter]")).toHaveCount(2);
        const options = { animations: "disabled", maxDiffPixelRatio: 0.01 } as const;
        await expect(chips).toHaveScreenshot(`filter-chips-${theme}-${size}.png`, options);
        if (size !== "phone") return;
        await page.getByRole("button", { name: "Filters (2)" }).click();
        const sheet = page.getByRole("dialog", { name: "Filters" });
        await expect(sheet).toBeVisible();
        await expect(sheet).toHaveScreenshot(`filters-sheet-${theme}-${size}.png`, options);
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
