import { utils, write } from "@e965/xlsx";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { exportText, exportUseCasesCsv } from "../use-cases/export-csv";
import { type ImportOptions, importUseCases } from "./import-use-cases";
import { UnsupportedMediaType } from "./read-table";

const csv = (text: string) => new TextEncoder().encode(text);
let counter = 0;
const marker = () => `imp${Date.now().toString(36)}${counter++}`;

async function setup() {
  const admin = await makeUser(db, { role: "ADMIN" });
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const sponsor = await makeUser(db, { role: "BUSINESS" });
  return { admin, owner, sponsor };
}

const run = (actor: { id: string; role: Role }, text: string, options: Partial<ImportOptions> = {}) =>
  importUseCases(actor, { bytes: csv(text), contentType: "text/csv", ...options });

const countTitled = (m: string) => db.useCase.count({ where: { title: { contains: m } } });

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.catch((e) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** Three good rows and one with an unknown owner email. */
function sampleFile(m: string, people: { owner: { email: string }; sponsor: { email: string } }) {
  return [
    "Name;Owner email;Sponsor email;Stage;Benefit;Low;Expected EBITDA;High;External id;Team",
    `${m} churn;${people.owner.email};${people.sponsor.email};POC;cost reduction;"1.000,00";"2.000,50";3000;${m}-1;Retail`,
    `${m} pricing;${people.owner.email.toUpperCase()};;Prototype;Revenue growth;;;;${m}-2;`,
    `${m} forecasting;${people.owner.email};;Packaging & preparing;;;;;${m}-3;`,
    `${m} ghost;nobody-${m}@nowhere.test;;POC;;;;;${m}-4;`,
  ].join("\r\n");
}

describe("importing use cases from CSV, against PostgreSQL", () => {
  it("previews every row (create, and the error with its line, column and reason) and writes nothing", async () => {
    const people = await setup();
    const m = marker();
    const events = await db.auditEvent.count();
    const result = await run(people.admin, sampleFile(m, people), { dryRun: true });
    expect(result.rows).toEqual([
      { line: 2, action: "create" },
      { line: 3, action: "create" },
      { line: 4, action: "create" },
      {
        line: 5,
        action: "error",
        errors: [{ column: "Owner email", message: `No user has the email nobody-${m}@nowhere.test.` }],
      },
    ]);
    expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0, failed: 1, committed: false });
    expect(result.columns.find((c) => c.header === "Team")?.field).toBeNull();
    expect(await countTitled(m)).toBe(0);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("commits all rows or none: one invalid row and nothing is written", async () => {
    const people = await setup();
    const m = marker();
    const result = await run(people.admin, sampleFile(m, people), { dryRun: false });
    expect(result.committed).toBe(false);
    expect(result.failed).toBe(1);
    expect(await countTitled(m)).toBe(0);
  });

  it("with skipInvalid writes the valid rows, hands the others back as CSV, and audits each", async () => {
    const people = await setup();
    const m = marker();
    const result = await run(people.admin, sampleFile(m, people), {
      dryRun: false,
      skipInvalid: true,
      fileName: "portfolio.csv",
    });
    expect(result).toMatchObject({ committed: true, created: 3, failed: 1 });
    expect(result.rows.slice(0, 3).every((r) => /^UC-\d+$/.test(r.key ?? ""))).toBe(true);
    expect(result.rejectedCsv).toContain(`${m} ghost`);
    expect(result.rejectedCsv?.split("\r\n")[0]).toMatch(/;?Team,error$|Team,error$/);
    expect(result.rejectedCsv).toContain("No user has the email");

    const churn = await db.useCase.findFirstOrThrow({ where: { title: `${m} churn` } });
    expect(churn).toMatchObject({
      ownerId: people.owner.id,
      sponsorId: people.sponsor.id,
      benefitArea: "COST_REDUCTION",
      stage: "POC",
      externalId: `${m}-1`,
    });
    expect([churn.ebitdaLow?.toFixed(2), churn.ebitdaBase?.toFixed(2), churn.ebitdaHigh?.toFixed(2)]).toEqual([
      "1000.00",
      "2000.50",
      "3000.00",
    ]);
    const created = await db.useCase.findMany({ where: { title: { contains: m } }, select: { id: true } });
    const creates = await db.auditEvent.count({
      where: { action: "use-case.create", useCaseId: { in: created.map((c) => c.id) } },
    });
    expect(creates).toBe(3);
    const imported = await db.auditEvent.findFirstOrThrow({
      where: { action: "import.use-cases", actorId: people.admin.id },
    });
    expect(imported.after).toMatchObject({
      fileName: "portfolio.csv",
      checksum: result.checksum,
      rows: 4,
      created: 3,
      failed: 1,
    });
  });

  it("records 'imported at stage X' on the timeline of a use case imported past POC", async () => {
    const people = await setup();
    const m = marker();
    await run(people.admin, `Title,Owner,Stage\n${m} live model,${people.owner.email},production\n`, { dryRun: false });
    const row = await db.useCase.findFirstOrThrow({ where: { title: `${m} live model` } });
    expect(row.stage).toBe("PRODUCTION");
    const timeline = await db.auditEvent.findMany({ where: { useCaseId: row.id }, orderBy: { at: "asc" } });
    expect(timeline.map((e) => e.action)).toEqual(["use-case.create", "use-case.imported-at-stage"]);
    expect(timeline[1]?.after).toMatchObject({ stage: "PRODUCTION", label: "Imported at stage Production" });
    expect(await db.gateReview.count({ where: { useCaseId: row.id } })).toBe(0);
  });

  it("is idempotent: the same file twice gives 'unchanged' for every row, and writes nothing more", async () => {
    const people = await setup();
    const m = marker();
    const file = sampleFile(m, people).split("\r\n").slice(0, 4).join("\r\n");
    const first = await run(people.admin, file, { dryRun: false });
    expect(first.created).toBe(3);
    const events = await db.auditEvent.count({ where: { action: { startsWith: "use-case." } } });
    const second = await run(people.admin, file, { dryRun: false });
    expect(second.rows.map((r) => r.action)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(second.rows.map((r) => r.key)).toEqual(first.rows.map((r) => r.key));
    expect(await countTitled(m)).toBe(3);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "use-case." } } })).toBe(events);
  });

  it("updates by key or external id only what changed, with the version and an audit event", async () => {
    const people = await setup();
    const m = marker();
    const existing = await makeUseCase(db, { title: `${m} old`, ownerId: people.owner.id });
    const key = `UC-${existing.number}`;
    const result = await run(people.admin, `Key,Title,Benefit\n${key},${m} new,Revenue growth\n`, { dryRun: false });
    expect(result.rows).toEqual([{ line: 2, action: "update", key }]);
    const after = await db.useCase.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after).toMatchObject({ title: `${m} new`, benefitArea: "REVENUE_GROWTH", version: 2 });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { useCaseId: existing.id, action: "use-case.update" },
    });
    expect(event.before).toEqual({ title: `${m} old`, benefitArea: null });
    expect(event.after).toEqual({ title: `${m} new`, benefitArea: "REVENUE_GROWTH" });
  });

  it("names every error kind with its column", async () => {
    const people = await setup();
    const m = marker();
    const stopped = await makeUseCase(db, { title: `${m} a`, ownerId: people.owner.id, stage: "PROTOTYPE" });
    const inactive = await makeUser(db, { role: "BUSINESS", active: false });
    const rows = [
      "Key,Title,Owner,Sponsor,Stage,Status,Benefit,Low,Base,High,Currency,External id",
      `UC-999999999,${m} x,,,,,,,,,,`, // unknown key
      `nonsense,${m} x,,,,,,,,,,`, // malformed key
      `,,,,,,,,,,,`.replace(/^/, ","), // (blank: skipped)
      `,,${people.owner.email},,,,,,,,,`, // no title
      `,${m} b,${people.owner.email},${inactive.email},Done,Maybe,Happiness,,,,,`, // inactive, stage, status, benefit
      `,${m} c,,,,,,5,1,2,EUR,`, // inverted range
      `,${m} d,,,,,,1,2,,eur,`, // partial range
      `,${m} e,,,,,,abc,2,3,EURO,`, // not an amount, bad currency
      `UC-${stopped.number},${m} a,,,POC,,,,,,,`, // stage change
      `,${m} f,,,,,,,,,,dup-${m}`,
      `,${m} g,,,,,,,,,,dup-${m}`, // duplicate external id
    ].join("\n");
    const result = await run(people.admin, rows, { dryRun: true });
    const errors = Object.fromEntries(
      result.rows.map((r) => [r.line, r.errors?.map((e) => `${e.column}: ${e.message}`)]),
    );
    expect(errors[2]).toEqual(["Key: There is no use case UC-999999999. Leave the key empty to create one."]);
    expect(errors[3]).toEqual(['Key: "nonsense" is not a key: keys look like UC-12.']);
    expect(errors[4]).toBeUndefined(); // a blank row is not a row
    expect(result.rows.some((r) => r.line === 4)).toBe(false);
    expect(errors[5]).toEqual(["Title: Give the use case a title."]);
    expect(errors[6]).toEqual([
      expect.stringMatching(/^Stage: "Done" is not a stage/),
      expect.stringMatching(/^Status: "Maybe" is not a status/),
      expect.stringMatching(/^Benefit: "Happiness" is not a benefit area/),
      `Sponsor: ${inactive.email} is not an active user: choose an active user.`,
    ]);
    expect(errors[7]).toEqual(["Low: Low must not be above the base estimate."]);
    expect(errors[8]).toEqual(["High: Give low, base and high together, or none."]);
    expect(errors[9]).toEqual([
      expect.stringMatching(/^Low: Low must be an amount/),
      "Currency: Currency must be a 3-letter ISO 4217 code, like EUR.",
    ]);
    expect(errors[10]).toEqual([
      `Stage: UC-${stopped.number} is in Prototype: the stage changes only through gate decisions.`,
    ]);
    expect(errors[11]).toBeUndefined();
    expect(errors[12]).toEqual(["External id: Line 11 has the same external id."]);
  });

  it("lets a data scientist import as owner only, and refuses IT; both write nothing", async () => {
    const people = await setup();
    const it_ = await makeUser(db, { role: "IT" });
    const m = marker();
    const mine = await run(people.owner, `Title,Owner\n${m} mine,${people.owner.email}\n${m} also mine,\n`, {
      dryRun: false,
    });
    expect(mine.created).toBe(2);
    expect(await db.useCase.count({ where: { title: { contains: m }, ownerId: people.owner.id } })).toBe(2);
    const other = await errorOf(
      run(people.owner, `Title,Owner\n${m} theirs,${people.sponsor.email}\n`, { dryRun: false }),
    );
    expect(other.code).toBe("FORBIDDEN");
    expect((await errorOf(run(it_, `Title\n${m} it\n`, { dryRun: false }))).code).toBe("FORBIDDEN");
    expect(await countTitled(m)).toBe(2);
  });

  it("refuses an update of someone else's use case to a business user, row by row", async () => {
    const people = await setup();
    const m = marker();
    const foreign = await makeUseCase(db, { title: `${m} foreign`, ownerId: people.owner.id });
    const business = await makeUser(db, { role: "BUSINESS" });
    const result = await run(
      business,
      `Key,Title\nUC-${foreign.number},${m} renamed\nUC-${foreign.number},${m} foreign\n`,
    );
    expect(result.rows[0]?.errors?.[0]?.message).toContain("You may update only use cases you own or sponsor");
    // The same row unchanged needs no permission (a whole export re-imports).
    expect(result.rows[1]).toMatchObject({ action: "error" }); // same use case twice in one file
  });

  it("re-imports its own CSV export as 'unchanged' on every row (round trip)", async () => {
    const people = await setup();
    const m = marker();
    await makeUseCase(db, {
      title: `${m} =SUM(A1) "quoted", with comma`,
      ownerId: people.owner.id,
      sponsorId: people.sponsor.id,
      benefitArea: "COST_REDUCTION",
      ebitda: { low: "1000.5", base: "2000", high: "3000.25", currency: "GBP" },
      output: "Line one\nline two",
      outcome: "-2 points of churn",
      stage: "PACKAGING",
      status: "PAUSED",
      tags: ["churn", "customer-churn", "q3.2026"],
    });
    await makeUseCase(db, { title: `${m} plain`, ownerId: people.owner.id });
    const exported = await exportText(await exportUseCasesCsv(people.admin, { q: m }));
    expect(exported).toContain('"churn, customer-churn, q3.2026"');
    const result = await run(people.admin, exported, { dryRun: false });
    expect(result.rows.map((r) => r.action)).toEqual(["unchanged", "unchanged"]);
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });
  });

  it("writes the Tags column: normalised on create, replaced on update, a bad tag a row error", async () => {
    const people = await setup();
    const m = marker();
    const created = await run(people.admin, `Title,Tags\n${m} tagged,"Customer Churn; Retail"\n${m} bad,"ok, =x"\n`, {
      dryRun: false,
      skipInvalid: true,
    });
    expect(created.rows.map((r) => r.action)).toEqual(["create", "error"]);
    expect(created.rows[1]?.errors?.[0]).toMatchObject({
      column: "Tags",
      message: expect.stringContaining("not a tag"),
    });
    const row = await db.useCase.findFirstOrThrow({ where: { title: `${m} tagged` } });
    expect(row.tags).toEqual(["customer-churn", "retail"]);
    const updated = await run(people.admin, `Key,Tags\nUC-${row.number},retail\n`, { dryRun: false });
    expect(updated.rows[0]?.action).toBe("update");
    expect((await db.useCase.findUniqueOrThrow({ where: { id: row.id } })).tags).toEqual(["retail"]);
    const again = await run(people.admin, `Key,Tags\nUC-${row.number},RETAIL\n`, { dryRun: true });
    expect(again.rows[0]?.action).toBe("unchanged");
  });

  it("answers malformed files with a 4xx-kind error and a message, and never writes (fuzz)", async () => {
    const people = await setup();
    const before = await db.useCase.count();
    const junk = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.string({ maxLength: 300 }).map((s) => csv(s)),
      fc
        .array(
          fc.array(fc.oneof(fc.string(), fc.constantFrom('"', ";", ",", "\n", "\uFEFF", "=1+1")), { maxLength: 6 }),
          {
            maxLength: 8,
          },
        )
        .map((rows) => csv(rows.map((r) => r.join(",")).join("\n"))),
    );
    await fc.assert(
      fc.asyncProperty(junk, async (bytes) => {
        try {
          await importUseCases(people.admin, { bytes, contentType: "text/csv", dryRun: false });
        } catch (error) {
          expect(error instanceof DomainError || error instanceof UnsupportedMediaType).toBe(true);
          expect((error as Error).message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 150, seed: 18 },
    );
    // No column of random text maps to Title (or Key / External id): nothing can be written.
    expect(await db.useCase.count()).toBe(before);
  });
});

describe("importing use cases from XLSX, against PostgreSQL", () => {
  const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  /** The CSV sample as a workbook: amounts as numbers, after a notes sheet, with a blank row. */
  function sampleWorkbook(m: string, people: { owner: { email: string }; sponsor: { email: string } }) {
    const rows = sampleFile(m, people)
      .split("\r\n")
      .map((line) => line.split(";").map((cell) => cell.replace(/^"(.*)"$/, "$1")));
    const amounts = (row: string[]) =>
      row.map((cell, i) =>
        i >= 5 && i <= 7 && cell !== "" ? Number(cell.replace(/\./g, "").replace(",", ".")) : cell,
      );
    const [header = [], ...body] = rows;
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([header, ...body.map(amounts)]), "Portfolio");
    utils.book_append_sheet(book, utils.aoa_to_sheet([["Notes"], ["not imported"]]), "Notes");
    return new Uint8Array(write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
  }
  const xlsx = (actor: { id: string; role: Role }, bytes: Uint8Array, options: Partial<ImportOptions> = {}) =>
    importUseCases(actor, { bytes, contentType: XLSX_TYPE, ...options });

  it("previews the same portfolio from CSV and from XLSX identically (round trip), naming the sheets", async () => {
    const people = await setup();
    const m = marker();
    const fromCsv = await run(people.admin, sampleFile(m, people), { dryRun: true });
    const fromXlsx = await xlsx(people.admin, sampleWorkbook(m, people), { dryRun: true });
    const { checksum: _a, ...csvRest } = fromCsv;
    const { checksum: _b, sheet, sheets, ...xlsxRest } = fromXlsx;
    expect(xlsxRest).toEqual(csvRest);
    expect(fromXlsx.rows.map((r) => r.action)).toEqual(["create", "create", "create", "error"]);
    expect({ sheet, sheets }).toEqual({ sheet: "Portfolio", sheets: ["Portfolio", "Notes"] });
    expect(fromCsv.sheets).toBeUndefined();
    // The other sheet has no Title column: every row is an error, and nothing is written.
    const notes = await xlsx(people.admin, sampleWorkbook(m, people), { sheet: "Notes", dryRun: false });
    expect(notes).toMatchObject({ committed: false, sheet: "Notes", created: 0 });
    expect(await countTitled(m)).toBe(0);
  });

  it("commits with skipInvalid, stores the amounts, audits the sheet, and is idempotent", async () => {
    const people = await setup();
    const m = marker();
    const file = sampleWorkbook(m, people);
    const first = await xlsx(people.admin, file, { dryRun: false, skipInvalid: true, fileName: "portfolio.xlsx" });
    expect(first).toMatchObject({ committed: true, created: 3, failed: 1 });
    expect(first.rejectedCsv?.split("\r\n")[0]).toMatch(/Team,error$/);
    const churn = await db.useCase.findFirstOrThrow({ where: { title: `${m} churn` } });
    expect([churn.ebitdaLow?.toFixed(2), churn.ebitdaBase?.toFixed(2), churn.ebitdaHigh?.toFixed(2)]).toEqual([
      "1000.00",
      "2000.50",
      "3000.00",
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "import.use-cases", entityId: first.checksum.slice(0, 32) },
    });
    expect(audit.after).toMatchObject({ fileName: "portfolio.xlsx", sheet: "Portfolio", created: 3 });
    const again = await xlsx(people.admin, file, { dryRun: false, skipInvalid: true });
    expect(again.rows.map((r) => r.action)).toEqual(["unchanged", "unchanged", "unchanged", "error"]);
    expect(await countTitled(m)).toBe(3);
  });
});

describe("inviting missing users (ADMIN only)", () => {
  const file = (m: string, owner: string, sponsor: string, extra = "") =>
    [
      "Name;Owner email;Sponsor email",
      `${m} invited owner;${owner};${sponsor}`,
      `${m} invited again;${owner.toUpperCase()};`,
      extra,
    ]
      .filter(Boolean)
      .join("\r\n");

  it("previews 'user will be invited' per row and writes nothing in a dry run", async () => {
    const { admin, sponsor } = await setup();
    const m = marker();
    const owner = `new-owner-${m}@invited.test`;
    const result = await run(admin, file(m, owner, sponsor.email), { dryRun: true, inviteMissingUsers: true });
    expect(result.rows).toEqual([
      { line: 2, action: "create", invites: [{ email: owner, role: "DATA_SCIENTIST" }] },
      { line: 3, action: "create", invites: [{ email: owner, role: "DATA_SCIENTIST" }] },
    ]);
    expect(result.invited).toBe(1);
    expect(await db.user.count({ where: { email: owner } })).toBe(0);
    // Without the flag the unknown email stays an error.
    const plain = await run(admin, file(m, owner, sponsor.email), { dryRun: true });
    expect(plain.rows[0]?.errors?.[0]?.message).toContain("No user has the email");
  });

  it("creates the users inactive in the import's transaction, with an audit event each; they cannot sign in until activated", async () => {
    const { admin } = await setup();
    const m = marker();
    const owner = `owner-${m}@invited.test`;
    const sponsor = `sponsor-${m}@invited.test`;
    const result = await run(admin, file(m, owner, sponsor), { dryRun: false, inviteMissingUsers: true });
    expect(result).toMatchObject({ committed: true, created: 2, invited: 2 });
    const ownerRow = await db.user.findUniqueOrThrow({ where: { email: owner } });
    const sponsorRow = await db.user.findUniqueOrThrow({ where: { email: sponsor } });
    expect(ownerRow).toMatchObject({ role: "DATA_SCIENTIST", active: false, passwordHash: null, awaitingRole: false });
    expect(sponsorRow).toMatchObject({ role: "BUSINESS", active: false });
    const created = await db.useCase.findMany({ where: { title: { contains: m } }, orderBy: { number: "asc" } });
    expect(created.map((u) => u.ownerId)).toEqual([ownerRow.id, ownerRow.id]);
    expect(created[0]?.sponsorId).toBe(sponsorRow.id);
    for (const user of [ownerRow, sponsorRow]) {
      const events = await db.auditEvent.findMany({ where: { entityId: user.id, action: "user.create" } });
      expect(events).toHaveLength(1);
      expect(events[0]?.actorId).toBe(admin.id);
    }
    // Inactive: no session resolves to them (nor a password: none is set) until an admin activates them.
    const { resolveActiveUser } = await import("../auth/current-user");
    expect(await resolveActiveUser(ownerRow.id, ownerRow.sessionVersion)).toBeNull();
    const { updateManagedUser } = await import("../users/manage-users");
    await updateManagedUser(admin, ownerRow.id, { active: true, updatedAt: ownerRow.updatedAt.toISOString() });
    expect(await resolveActiveUser(ownerRow.id, ownerRow.sessionVersion)).not.toBeNull();
  });

  it("stays all or none: an invalid row leaves no invited user behind", async () => {
    const { admin } = await setup();
    const m = marker();
    const owner = `rollback-${m}@invited.test`;
    const text = file(m, owner, "", `${m} bad;${owner};;`).replace(`${m} bad;`, ";");
    const result = await run(admin, text, { dryRun: false, inviteMissingUsers: true });
    expect(result.committed).toBe(false);
    expect(await db.user.count({ where: { email: owner } })).toBe(0);
    expect(await countTitled(m)).toBe(0);

    // With skipInvalid, only the rows written invite: the invalid row's own new person is not created.
    const only = `only-invalid-${m}@invited.test`;
    const mixed = ["Name;Owner email;Stage", `${m} fine;${owner};POC`, `${m} broken;${only};NoSuchStage`].join("\r\n");
    const partial = await run(admin, mixed, { dryRun: false, skipInvalid: true, inviteMissingUsers: true });
    expect(partial).toMatchObject({ committed: true, created: 1, failed: 1, invited: 1 });
    expect(await db.user.count({ where: { email: owner } })).toBe(1);
    expect(await db.user.count({ where: { email: only } })).toBe(0);
  });

  it("is refused to anyone but an admin, with nothing written", async () => {
    const { sponsor } = await setup();
    const m = marker();
    const owner = `refused-${m}@invited.test`;
    for (const role of ["BUSINESS", "DATA_SCIENTIST", "IT"] as const) {
      const actor = role === "BUSINESS" ? sponsor : await makeUser(db, { role });
      const error = await errorOf(run(actor, file(m, owner, ""), { dryRun: false, inviteMissingUsers: true }));
      expect(error.code).toBe("FORBIDDEN");
    }
    expect(await db.user.count({ where: { email: owner } })).toBe(0);
    expect(await countTitled(m)).toBe(0);
  });
});
