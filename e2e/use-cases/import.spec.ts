// The use-case import page: an admin brings a spreadsheet in, fixes what the preview flags, imports.
import { utils, write } from "@e965/xlsx";
import { makeUser } from "@/prisma/seed/factories";
import { seriousViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const csvFile = (lines: string[]) => ({
  name: "portfolio.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8"),
});

test.describe("importing use cases", () => {
  test.describe.configure({ timeout: 120_000 });

  test("an admin maps a column, sees the row error, fixes the file and imports", async ({ page, prisma, signInAs }) => {
    await signInAs("ADMIN");
    const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
    const tag = `e2e-import-${Date.now().toString(36)}`;
    const header = "Project;Owner email;Stage;Benefit;Expected EBITDA;Low;High";
    const good = [
      `${tag} churn;${owner.email};POC;cost reduction;"2.000.000,00";"1.000.000,00";"3.000.000,00"`,
      `${tag} pricing;${owner.email};Prototype;Revenue growth;;;`,
      `${tag} forecasting;${owner.email};Packaging & preparing;;;;`,
    ];
    const ghost = `nobody-${tag}@nowhere.test`;

    await page.goto("/use-cases");
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await expect(page).toHaveURL(/\/use-cases\/import$/);
    await expect(page.getByRole("heading", { name: "Import use cases" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .getByLabel("Spreadsheet file (XLSX or CSV)")
      .setInputFiles(csvFile([header, ...good, `${tag} ghost;${ghost};POC;;;;`]));
    // "Project" is no known header: no column gives the title yet.
    await expect(page.getByText("portfolio.csv: 0 to create, 0 to update, 0 unchanged, 4 with errors")).toBeVisible();
    await expect(page.getByText("No column is mapped to Title").first()).toBeVisible();

    await page.getByLabel("Project").selectOption("title");
    await expect(page.getByText("portfolio.csv: 3 to create, 0 to update, 0 unchanged, 1 with errors")).toBeVisible();
    const errorRow = page.getByRole("row", { name: /^5 Error/ });
    await expect(errorRow).toContainText(`Owner email: No user has the email ${ghost}.`);
    await expect(page.getByRole("button", { name: "Import 3 rows" })).toBeDisabled();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await prisma.useCase.count({ where: { title: { startsWith: tag } } })).toBe(0);

    // The fixed file: same headers, so the mapping chosen for them is reused.
    await page
      .getByLabel("Spreadsheet file (XLSX or CSV)")
      .setInputFiles(csvFile([header, ...good, `${tag} ghost;${owner.email};POC;;;;`]));
    await expect(page.getByText("portfolio.csv: 4 to create, 0 to update, 0 unchanged")).toBeVisible();
    await page.getByRole("button", { name: "Import 4 rows" }).click();
    await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible();
    await expect(page.getByText("4 created, 0 updated, 0 unchanged.")).toBeVisible();

    const rows = await prisma.useCase.findMany({
      where: { title: { startsWith: tag } },
      orderBy: { number: "asc" },
      select: { title: true, stage: true, ownerId: true, benefitArea: true, ebitdaBase: true },
    });
    expect(rows.map((r) => [r.title, r.stage])).toEqual([
      [`${tag} churn`, "POC"],
      [`${tag} pricing`, "PROTOTYPE"],
      [`${tag} forecasting`, "PACKAGING"],
      [`${tag} ghost`, "POC"],
    ]);
    expect(rows.every((r) => r.ownerId === owner.id)).toBe(true);
    expect(rows[0]?.ebitdaBase?.toFixed(2)).toBe("2000000.00");
    expect(rows[0]?.benefitArea).toBe("COST_REDUCTION");
  });

  test("an admin imports an XLSX workbook: chooses the sheet, previews, imports", async ({
    page,
    prisma,
    signInAs,
  }) => {
    await signInAs("ADMIN");
    const owner = await makeUser(prisma, { role: "DATA_SCIENTIST" });
    const tag = `e2e-xlsx-${Date.now().toString(36)}`;
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([["Read me"], ["The data is on the next sheet."]]), "Notes");
    const data = utils.aoa_to_sheet([
      ["Title", "Owner email", "Stage", "Low", "Expected EBITDA", "High"],
      [`${tag} churn`, owner.email, "POC", 1000000, 2500000.5, 4000000],
      [],
      [`${tag} pricing`, owner.email, "Prototype", null, null, null],
    ]);
    data.G1 = { t: "s", v: "Total" };
    data.G2 = { t: "n", f: "E2*2", v: 5000001 }; // a formula: its cached value is read (the column is ignored)
    data["!ref"] = "A1:G4";
    utils.book_append_sheet(book, data, "Portfolio");
    const workbook = {
      name: "portfolio.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer),
    };

    await page.goto("/use-cases/import");
    await page.getByLabel("Spreadsheet file (XLSX or CSV)").setInputFiles(workbook);
    // The first sheet is read by default: it has no Title column.
    await expect(page.getByText("portfolio.xlsx (sheet Notes): 0 to create")).toBeVisible();
    await page.getByLabel("Sheet to import").selectOption("Portfolio");
    await expect(
      page.getByText("portfolio.xlsx (sheet Portfolio): 2 to create, 0 to update, 0 unchanged"),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await prisma.useCase.count({ where: { title: { startsWith: tag } } })).toBe(0);

    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible();
    await expect(page.getByText("2 created, 0 updated, 0 unchanged.")).toBeVisible();
    const rows = await prisma.useCase.findMany({
      where: { title: { startsWith: tag } },
      orderBy: { number: "asc" },
      select: { title: true, stage: true, ownerId: true, ebitdaBase: true },
    });
    expect(rows.map((r) => [r.title, r.stage, r.ebitdaBase?.toFixed(2) ?? null])).toEqual([
      [`${tag} churn`, "POC", "2500000.50"],
      [`${tag} pricing`, "PROTOTYPE", null],
    ]);
    expect(rows.every((r) => r.ownerId === owner.id)).toBe(true);
  });

  test("an admin invites the missing owner: the preview says so, the import creates them inactive", async ({
    page,
    prisma,
    signInAs,
  }) => {
    await signInAs("ADMIN");
    const tag = `e2e-invite-${Date.now().toString(36)}`;
    const newcomer = `newcomer-${tag}@invited.test`;
    await page.goto("/use-cases/import");
    await page
      .getByLabel("Spreadsheet file (XLSX or CSV)")
      .setInputFiles(csvFile(["Name;Owner email", `${tag} one;${newcomer}`]));
    await expect(page.getByText("portfolio.csv: 0 to create, 0 to update, 0 unchanged, 1 with errors")).toBeVisible();
    await page.getByRole("checkbox", { name: /Invite missing users/ }).check();
    await expect(
      page.getByText("portfolio.csv: 1 to create, 0 to update, 0 unchanged, 1 user to invite"),
    ).toBeVisible();
    await expect(page.getByRole("row", { name: /^2 Create/ })).toContainText(
      `User will be invited: ${newcomer} (Data scientist, inactive)`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(await prisma.user.count({ where: { email: newcomer } })).toBe(0);
    await page.getByRole("button", { name: "Import 1 row" }).click();
    await expect(page.getByText("1 created, 0 updated, 0 unchanged, 1 user invited.")).toBeVisible();
    const invited = await prisma.user.findUniqueOrThrow({ where: { email: newcomer } });
    expect(invited).toMatchObject({ role: "DATA_SCIENTIST", active: false });
    expect((await prisma.useCase.findFirstOrThrow({ where: { title: `${tag} one` } })).ownerId).toBe(invited.id);
  });

  test("a business user is not offered to invite missing users", async ({ page, signInAs }) => {
    await signInAs("BUSINESS");
    await page.goto("/use-cases/import");
    await expect(page.getByRole("heading", { name: "Import use cases" })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: /Invite missing users/ })).toHaveCount(0);
  });

  test("IT has no import: no link on the list, and the page says why", async ({ page, signInAs }) => {
    await signInAs("IT");
    await page.goto("/use-cases");
    await expect(page.getByRole("heading", { name: "Use cases" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Import", exact: true })).toHaveCount(0);
    await page.goto("/use-cases/import");
    await expect(page.getByRole("heading", { name: "You cannot import use cases" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
