import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { seriousViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("a business user filters the list by tag, selects rows, sets their sponsor and sees each row's outcome", async ({
  page,
  prisma,
  signInAs,
}) => {
  test.setTimeout(180_000); // axe on the list with the bar open, on a loaded 2-core machine
  const business = await signInAs("BUSINESS");
  const scientist = await makeUser(prisma, { role: "DATA_SCIENTIST" });
  const stranger = await makeUser(prisma, { role: "BUSINESS" });
  const newSponsor = await makeUser(prisma, { role: "BUSINESS", name: `Bulk Sponsor ${Date.now()}` });
  const tag = `bulk-${Date.now().toString(36)}`;
  const mine = [
    await makeUseCase(prisma, {
      title: `Bulk mine A ${tag}`,
      ownerId: scientist.id,
      sponsorId: business.id,
      tags: [tag],
    }),
    await makeUseCase(prisma, {
      title: `Bulk mine B ${tag}`,
      ownerId: scientist.id,
      sponsorId: business.id,
      tags: [tag],
    }),
  ];
  const foreign = await makeUseCase(prisma, {
    title: `Bulk foreign ${tag}`,
    ownerId: scientist.id,
    sponsorId: stranger.id,
    tags: [tag],
  });

  await page.goto("/use-cases");
  await page.getByRole("textbox", { name: "Tags" }).fill(tag);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  await expect(page.getByRole("row")).toHaveCount(4); // the header and the three rows

  // A range by shift-click: the first row, then the third with Shift.
  const boxes = page.getByRole("checkbox", { name: /^Select UC-/ });
  await boxes.nth(0).click();
  await boxes.nth(2).click({ modifiers: ["Shift"] });
  await expect(page.getByText("3 use cases selected on this page.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Select every use case on this page" })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("combobox", { name: "Change", exact: true }).selectOption("sponsorEmail");
  await page.getByRole("combobox", { name: "To", exact: true }).selectOption({ label: newSponsor.name });
  await page.getByRole("button", { name: "Apply to 3" }).click();
  const status = page.getByRole("status").filter({ hasText: "updated" });
  await expect(status).toContainText("2 updated, 0 already so, 1 refused.");
  await expect(status).toContainText(`UC-${foreign.number}: You may edit only use cases you own or sponsor.`);

  for (const row of mine) {
    await expect(page.getByRole("row").filter({ hasText: row.title })).toContainText(`Sponsor: ${newSponsor.name}`);
    expect((await prisma.useCase.findUniqueOrThrow({ where: { id: row.id } })).sponsorId).toBe(newSponsor.id);
  }
  expect((await prisma.useCase.findUniqueOrThrow({ where: { id: foreign.id } })).sponsorId).toBe(stranger.id);
  expect(
    await prisma.auditEvent.count({ where: { entityId: { in: mine.map((r) => r.id) }, action: "use-case.update" } }),
  ).toBe(2);
});

test("a tag chip in the list filters the list by that tag", async ({ page, prisma, signInAs }) => {
  const scientist = await signInAs("DATA_SCIENTIST");
  const marker = `chip${Date.now().toString(36)}`;
  await makeUseCase(prisma, { title: `Chip tagged ${marker}`, ownerId: scientist.id, tags: [marker, "shared-tag"] });
  await makeUseCase(prisma, { title: `Chip untagged ${marker}`, ownerId: scientist.id, tags: ["shared-tag"] });

  await page.goto(`/use-cases?q=${marker}`);
  await expect(page.getByRole("row")).toHaveCount(3);
  await page.getByRole("link", { name: `Use cases tagged ${marker}` }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${marker}`));
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("row").filter({ hasText: `Chip tagged ${marker}` })).toHaveCount(1);
  // The active filter shows as a chip that removes it.
  await expect(page.getByRole("link", { name: `Remove filter Tags: ${marker}` })).toBeVisible();
});
