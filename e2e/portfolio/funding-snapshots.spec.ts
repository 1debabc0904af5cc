// Funding-round snapshots: a business user freezes the ranked list, raises a use case's scores,
// freezes it again, compares the two (the use case moved up, with the criteria that changed) and
// opens the printable view. Other specs score use cases and change the model at the same time, so
// every assertion is about this test's own use cases (found by their titles) and snapshots.
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { seriousViolations } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";

const CRITERIA = ["business-value", "feasibility", "data-readiness", "strategic-fit"];
const LABELS = ["Business value", "Feasibility", "Data readiness", "Strategic fit"];

test("a business user snapshots the ranked list twice, compares them and prints one", async ({ browser, prisma }) => {
  test.slow(); // two snapshots of the whole shared portfolio, and two axe runs
  const tag = `Funding ${Date.now()}`;
  const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const business = await makeUser(prisma, { role: "BUSINESS" });
  // "Rising" scores 2 on every criterion people score, "steady" 4: whatever the weights, rising is
  // below steady now, and above it once its scores are 5. No risk tier: only the scores count.
  const rising = await makeUseCase(prisma, { ownerId: owner.id, title: `${tag} rising`, riskTier: null });
  const steady = await makeUseCase(prisma, { ownerId: owner.id, title: `${tag} steady`, riskTier: null });
  for (const [row, value] of [
    [rising, 2],
    [steady, 4],
  ] as const)
    await prisma.useCaseScore.createMany({
      data: CRITERIA.map((criterion) => ({ useCaseId: row.id, criterion, scorerId: business.id, value })),
    });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, business);

  await page.goto("/portfolio/funding");
  await expect(page.getByRole("heading", { level: 1, name: "Funding rounds" })).toBeVisible();
  const take = page.getByRole("form", { name: "Take a snapshot" });
  const name = take.getByLabel("Snapshot name");
  await expect(take.getByRole("button", { name: "Take a snapshot" })).toBeEnabled(); // hydrated
  // A name over 120 characters is refused, the field named and what was typed kept.
  await name.fill("x".repeat(121));
  await name.press("Enter");
  await expect(take.getByText("The name must be at most 120 characters.")).toBeVisible();
  await expect(name).toHaveValue("x".repeat(121));

  const snap = async (label: string) => {
    await name.fill(`${tag} ${label}`);
    await name.press("Enter"); // the keyboard submits
    await expect(page.getByText(`Snapshot “${tag} ${label}” taken`)).toBeVisible();
    return prisma.fundingSnapshot.findFirstOrThrow({ where: { name: `${tag} ${label}` } });
  };
  const before = await snap("before");
  const rankIn = async (snapshot: { id: string }, id: string) =>
    (
      (await prisma.fundingSnapshot.findUniqueOrThrow({ where: { id: snapshot.id } })).rows as {
        useCaseId: string;
        rank: number;
      }[]
    ).find((row) => row.useCaseId === id)?.rank;
  expect(await rankIn(before, rising.id)).toBeGreaterThan((await rankIn(before, steady.id)) as number);

  // Rising's scores go to 5, through its page.
  await page.goto(`/use-cases/${formatKey(rising.number)}#priority`);
  const section = page.locator("section#priority");
  const scores = section.getByRole("form", { name: "Your scores" });
  for (const label of LABELS) await scores.getByLabel(`${label} (your score)`).selectOption("5");
  await scores.getByRole("button", { name: "Save my scores" }).click();
  await expect(section.getByRole("row", { name: /Feasibility/ })).toContainText(`5 by ${business.name}`);

  await page.goto("/portfolio/funding");
  await expect(take.getByRole("button", { name: "Take a snapshot" })).toBeEnabled();
  const after = await snap("after");
  expect(await rankIn(after, rising.id)).toBeLessThan((await rankIn(after, steady.id)) as number);

  // Both listed; compare them.
  const list = page.getByRole("table", { name: "Funding-round snapshots, newest first" });
  await expect(list.getByRole("link", { name: `${tag} before` })).toBeVisible();
  await page.reload();
  const compare = page.getByRole("form", { name: "Compare two snapshots" });
  await compare.getByLabel("Earlier snapshot").selectOption(before.id);
  await compare.getByLabel("Later snapshot").selectOption(after.id);
  await compare.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${before.id}&to=${after.id}`));
  await expect(page.getByRole("heading", { name: `From “${tag} before” to “${tag} after”` })).toBeVisible();
  const up = page.getByRole("table", { name: /^Moved up/ });
  const risen = up.getByRole("row").filter({ hasText: `${tag} rising` });
  await expect(risen).toHaveCount(1);
  for (const label of LABELS) await expect(risen).toContainText(`${label} 2.00 → 5.00`);
  await expect(risen.getByRole("cell").nth(0)).toHaveText(`#${await rankIn(before, rising.id)}`);
  await expect(risen.getByRole("cell").nth(1)).toHaveText(`#${await rankIn(after, rising.id)}`);
  await expect(risen).toContainText("places up");
  expect(await seriousViolations(page)).toEqual([]);

  // The printable view of the later snapshot: the frozen list, without the app's shell in print.
  await page
    .getByRole("table", { name: "Funding-round snapshots, newest first" })
    .getByRole("link", { name: `${tag} after` })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: `${tag} after` })).toBeVisible();
  const frozen = page.getByRole("row").filter({ hasText: `${tag} rising` });
  await expect(frozen).toContainText(`#${await rankIn(after, rising.id)}`);
  await expect(frozen).toContainText("5.00");
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.locator("aside").first()).toBeHidden(); // the sidebar
  await expect(page.getByRole("heading", { level: 1, name: `${tag} after` })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
});

test("other roles read the snapshots but take none; an unknown one is not found", async ({ browser, prisma }) => {
  const business = await makeUser(prisma, { role: "BUSINESS" });
  const snapshot = await prisma.fundingSnapshot.create({
    data: {
      name: `Funding read ${Date.now()}`,
      createdById: business.id,
      modelVersion: 1,
      model: { formula: "WEIGHTED", criteria: [] },
      rows: [],
      count: 0,
    },
  });
  const scientist = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, scientist);
  await page.goto("/portfolio/funding");
  await expect(page.getByRole("link", { name: snapshot.name })).toBeVisible();
  await expect(page.getByRole("form", { name: "Take a snapshot" })).toHaveCount(0);
  await page.getByRole("link", { name: snapshot.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: snapshot.name })).toBeVisible();
  await expect(page.getByText("its ranked list is empty")).toBeVisible();
  await page.goto("/portfolio/funding/c-no-such-snapshot");
  await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();
  // A comparison with an unknown snapshot says so, and the page still works.
  await page.goto(`/portfolio/funding?from=${snapshot.id}&to=c-no-such-snapshot`);
  await expect(page.getByRole("alert").filter({ hasText: "One of these snapshots was not found" })).toBeVisible();
  // Refused by the API too.
  const refused = await page.request.post("/api/v1/funding-snapshots", {
    headers: { origin: new URL(page.url()).origin },
    data: { name: "Not mine to take" },
  });
  expect(refused.status()).toBe(403);
});
