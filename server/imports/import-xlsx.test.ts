import { utils, write } from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/lifecycle";
import { db } from "../db";
import { countTitled, marker, run, sampleFile, setup } from "./import-test-support";
import { type ImportOptions, importUseCases } from "./import-use-cases";

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
