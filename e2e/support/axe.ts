// The one axe-core check of the suite: WCAG 2.0/2.1/2.2 A and AA, plus "label in name"
// (WCAG 2.5.3: a control's accessible name contains its visible text), which axe ships as an
// experimental rule, off unless asked for. Serious and critical violations only, one line each
// with the elements concerned.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export async function seriousViolations(page: Page): Promise<string[]> {
  // Colours are checked as they end up, not halfway through a transition (a button that turns
  // enabled when the page hydrates fades in over 150 ms; a loaded machine let axe catch it there).
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, {
      timeout: 10_000,
    })
    // Something still moving after 10 s (a loop): check the page as it is.
    .catch(() => undefined);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    // Only violations are read: axe then keeps one node per passed or incomplete rule instead of
    // every node, which is most of its time on a long page. Violations are listed in full.
    .options({ rules: { "label-content-name-mismatch": { enabled: true } }, resultTypes: ["violations"] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
}
