import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { DomainError } from "../errors";
import { exportText, exportUseCasesCsv } from "../use-cases/export-csv";
import { countTitled, csv, errorOf, marker, run, sampleFile, setup } from "./import-test-support";
import { importUseCases } from "./import-use-cases";
import { UnsupportedMediaType } from "./read-table";

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
