import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { detectDelimiter, IMPORT_LIMITS, readCsv, readTable, UnsupportedMediaType } from "./read-table";

const bytes = (text: string) => new TextEncoder().encode(text);
const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError || error instanceof UnsupportedMediaType) return error.message;
    throw error;
  }
  return "no error";
};

describe("reading an import file", () => {
  it("reads comma, semicolon, tab and pipe files, quoted fields and a BOM", () => {
    for (const delimiter of [",", ";", "\t", "|"]) {
      const text = `\uFEFFTitle${delimiter}Owner email\r\n"Churn${delimiter} ""early"" warning"${delimiter}a@x.test\r\n`;
      const table = readCsv(bytes(text));
      expect(table.headers).toEqual(["Title", "Owner email"]);
      expect(table.rows).toEqual([{ line: 2, cells: [`Churn${delimiter} "early" warning`, "a@x.test"] }]);
    }
    expect(detectDelimiter('"a;b",c,d\n')).toBe(",");
  });

  it("numbers rows as a spreadsheet does, skipping blank rows but not their numbers", () => {
    const table = readCsv(bytes("Title\nOne\n\n,\nFour\n"));
    expect(table.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it("refuses what is not a UTF-8 CSV with a message saying what to do", () => {
    expect(messageOf(() => readCsv(bytes("")))).toBe("The file is empty.");
    expect(messageOf(() => readCsv(new Uint8Array([0x54, 0x69, 0xe9, 0x0a, 0x41])))).toContain("not UTF-8");
    expect(messageOf(() => readCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])))).toContain("XLSX");
    expect(messageOf(() => readCsv(bytes("Title\nA\u0000B\n")))).toContain("NUL");
    expect(messageOf(() => readCsv(bytes('Title\n"never closed\n')))).toContain("could not be read as CSV");
    expect(messageOf(() => readCsv(bytes("Title\n")))).toContain("no rows");
    expect(messageOf(() => readCsv(bytes(",,\n1,2,3\n")))).toContain("header row");
  });

  it("holds the limits: rows, columns, cell size; a million empty rows is refused before parsing", () => {
    const many = `Title\n${"x\n".repeat(IMPORT_LIMITS.rows + 1)}`;
    expect(messageOf(() => readCsv(bytes(many)))).toContain("at most 20,000");
    const wide = `${Array.from({ length: 201 }, (_, i) => `c${i}`).join(",")}\n1\n`;
    expect(messageOf(() => readCsv(bytes(wide)))).toContain("columns");
    const huge = `Title\n${"x".repeat(IMPORT_LIMITS.cellChars + 1)}\n`;
    expect(messageOf(() => readCsv(bytes(huge)))).toMatch(/longer than|could not be read/);
    expect(messageOf(() => readCsv(bytes(`Title\n${",\n".repeat(1_000_000)}`)))).toContain("more than 100,000 lines");
  });

  it("reads XLSX by its media type, and answers an unsupported media type for the others", () => {
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    expect(messageOf(() => readTable(bytes("x"), xlsx))).toContain("not an XLSX workbook");
    expect(messageOf(() => readTable(bytes("x"), "application/json"))).toContain(`text/csv or as ${xlsx}`);
    expect(messageOf(() => readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), "text/csv"))).toContain(xlsx);
    expect(messageOf(() => readTable(bytes("Title\nA\n"), "text/csv", { sheet: "Sheet1" }))).toContain("no sheets");
    expect(readTable(bytes("Title\nA\n"), "text/csv; charset=utf-8").rows).toHaveLength(1);
  });
});
