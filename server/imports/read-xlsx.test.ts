import { utils, type WorkSheet, write } from "@e965/xlsx";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { readTable } from "./read-table";
import { cellText, plainNumber, readXlsx } from "./read-xlsx";
import { IMPORT_LIMITS } from "./table";
import { ZIP_LIMITS } from "./zip-guard";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A real XLSX workbook, written in memory by the same library. */
function workbook(sheets: Record<string, WorkSheet | unknown[][]>): Uint8Array {
  const book = utils.book_new();
  for (const [name, sheet] of Object.entries(sheets))
    utils.book_append_sheet(book, Array.isArray(sheet) ? utils.aoa_to_sheet(sheet) : sheet, name);
  return new Uint8Array(write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

/** The workbook with a text replaced in its XML parts (what Excel itself would not write). */
function patched(file: Uint8Array, from: string, to: string): Uint8Array {
  const parts = unzipSync(file);
  for (const [name, data] of Object.entries(parts))
    if (name.endsWith(".xml")) parts[name] = strToU8(strFromU8(data).replaceAll(from, to));
  return zipSync(parts);
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("no error");
}
const messageOf = (run: () => unknown) => refusal(run).message;

describe("reading an XLSX import file", () => {
  it("reads the first sheet by default and a chosen one by name, listing the workbook's sheets", () => {
    const file = workbook({
      Portfolio: [
        ["Title", "Owner email"],
        ["Churn", "a@x.test"],
      ],
      Archive: [["Name"], ["Old one"], ["Older one"]],
    });
    const first = readTable(file, XLSX_TYPE);
    expect(first).toEqual({
      headers: ["Title", "Owner email"],
      rows: [{ line: 2, cells: ["Churn", "a@x.test"] }],
      sheet: { name: "Portfolio", names: ["Portfolio", "Archive"] },
    });
    const archive = readTable(file, `${XLSX_TYPE}; charset=binary`, { sheet: "Archive" });
    expect(archive.headers).toEqual(["Name"]);
    expect(archive.rows.map((r) => r.cells[0])).toEqual(["Old one", "Older one"]);
    const unknown = refusal(() => readXlsx(file, "Budget"));
    expect(unknown.message).toBe('The workbook has no sheet "Budget".');
    expect(unknown.details?.errors).toEqual([
      { path: "sheet", message: 'The workbook\'s sheets are "Portfolio", "Archive".' },
    ]);
  });

  it("gives numbers as plain digits, dates as ISO dates, a formula's cached value, booleans and errors", () => {
    const sheet = utils.aoa_to_sheet([
      ["Title", "Expected EBITDA", "Low", "Start", "At", "Total", "Active", "Broken"],
      ["Churn", 2000000, 1234.5, null, null, null, true, null],
    ]);
    sheet.D2 = { t: "n", v: 46096, z: "yyyy-mm-dd" }; // 2026-03-15
    sheet.E2 = { t: "n", v: 46096.5, z: "m/d/yy h:mm" }; // noon that day
    sheet.F2 = { t: "n", f: "B2+C2", v: 2001234.5 }; // a formula and its cached value
    sheet.H2 = { t: "e", v: 0x2a };
    const table = readXlsx(workbook({ Sheet1: sheet }));
    expect(table.rows[0]?.cells).toEqual([
      "Churn",
      "2000000",
      "1234.5",
      "2026-03-15",
      "2026-03-15T12:00:00",
      "2001234.5",
      "TRUE",
      "#N/A",
    ]);
    expect(plainNumber(0.1 + 0.2)).toBe("0.3");
    expect(plainNumber(1e21)).toBe("1000000000000000000000");
    expect(plainNumber(1.5e-7)).toBe("0.00000015");
    expect(cellText({ t: "n", v: 0.75, z: "h:mm" }, false)).toBe("18:00:00");
    expect(cellText({ t: "n", v: 0, z: "yyyy-mm-dd" }, true)).toBe("1904-01-01");
    expect(cellText(undefined, false)).toBe("");
  });

  it("skips empty rows but keeps the row numbers the spreadsheet shows; the table starts where the data does", () => {
    const sheet = utils.aoa_to_sheet([]);
    utils.sheet_add_aoa(sheet, [["Title", "Stage"], ["One", "POC"], [], ["", "  "], ["Four", "POC"]], { origin: "B3" });
    const table = readXlsx(workbook({ Data: sheet }));
    expect(table.headers).toEqual(["Title", "Stage"]);
    expect(table.rows).toEqual([
      { line: 4, cells: ["One", "POC"] },
      { line: 7, cells: ["Four", "POC"] },
    ]);
  });

  it("holds the CSV limits: rows, columns, cell size, and a sheet running past 100,001 rows", () => {
    const many = [["Title"], ...Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => [`x${i}`])];
    expect(messageOf(() => readXlsx(workbook({ S: many })))).toContain("at most 20,000");
    const wide = [Array.from({ length: 201 }, (_, i) => `c${i}`), ["1"]];
    expect(messageOf(() => readXlsx(workbook({ S: wide })))).toContain("201 columns; at most 200");
    // Excel stops at 32,767 characters a cell; a file written by other tools may hold more.
    const huge = patched(workbook({ S: [["Title"], ["LONG"]] }), "LONG", "x".repeat(IMPORT_LIMITS.cellChars + 1));
    expect(messageOf(() => readXlsx(huge))).toBe("Row 2, column 1: a cell longer than 100000 characters.");
    const deep = utils.aoa_to_sheet([["Title"], ["x"]]);
    utils.sheet_add_aoa(deep, [["far down"]], { origin: `A${IMPORT_LIMITS.lines + 3}` });
    expect(messageOf(() => readXlsx(workbook({ S: deep })))).toContain("goes down to row 100,003");
  });

  it("refuses an empty sheet, a header alone, and a sheet without a header row", () => {
    expect(messageOf(() => readXlsx(workbook({ Empty: [] })))).toBe('The sheet "Empty" is empty.');
    expect(messageOf(() => readXlsx(workbook({ S: [["Title"]] })))).toContain("no rows to import");
    expect(messageOf(() => readXlsx(workbook({ S: [["Title"], ["A"]], Blank: [[""]] }), "Blank"))).toContain(
      "is empty",
    );
  });

  it("refuses a zip bomb before the parser sees it: by the declared sizes, and when the directory lies", () => {
    // Honest directory: 101 MB of zeros, a few hundred kB compressed.
    const bomb = zipSync({ "[Content_Types].xml": new Uint8Array(ZIP_LIMITS.totalBytes + 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(IMPORT_LIMITS.bytes);
    const honest = refusal(() => readXlsx(bomb));
    expect(honest.message).toContain("too large once unpacked");
    expect(honest.message).toContain("at most 100 MB");
    // A lying directory: 4 MB of zeros declared as 1 kB in both headers: inflating stops at the declared size.
    const liar = zipSync({ "xl/workbook.xml": new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    const view = new DataView(liar.buffer, liar.byteOffset, liar.byteLength);
    view.setUint32(22, 1024, true); // local header: uncompressed size
    const central = liar.length - 22 - (46 + "xl/workbook.xml".length);
    expect(view.getUint32(central, true)).toBe(0x02014b50);
    view.setUint32(central + 24, 1024, true); // central directory: uncompressed size
    expect(messageOf(() => readXlsx(liar))).toContain("unpacks to more than its declared size");
  });

  it("refuses what is not a readable XLSX with a message saying what to do, never a crash", () => {
    const good = workbook({ S: [["Title"], ["A"]] });
    expect(messageOf(() => readXlsx(good.slice(0, Math.floor(good.length / 2))))).toContain(
      "not a readable XLSX workbook",
    );
    expect(messageOf(() => readXlsx(new Uint8Array(0)))).toBe("The file is empty.");
    expect(messageOf(() => readXlsx(new TextEncoder().encode("Title\nA\n")))).toContain("not an XLSX workbook");
    expect(messageOf(() => readXlsx(zipSync({ "notes.txt": new TextEncoder().encode("hello") })))).toContain(
      "not a readable XLSX workbook",
    );
    // An OLE2 compound file: an old .xls, or Office's encrypted package (an "EncryptionInfo" stream).
    const ole2 = (extra: string) =>
      new Uint8Array([
        0xd0,
        0xcf,
        0x11,
        0xe0,
        0xa1,
        0xb1,
        0x1a,
        0xe1,
        ...new Uint8Array(504),
        ...[...extra].flatMap((c) => [c.charCodeAt(0), 0]),
      ]);
    expect(messageOf(() => readXlsx(ole2("EncryptionInfo")))).toContain("password-protected");
    expect(messageOf(() => readXlsx(ole2("Workbook")))).toContain("Excel 97-2003 (.xls)");
    // A ZIP whose parts are encrypted (general purpose flag bit 0).
    const locked = zipSync({ "xl/workbook.xml": new TextEncoder().encode("<workbook/>") }, { level: 0 });
    const central = locked.length - 22 - (46 + "xl/workbook.xml".length);
    locked[central + 8] = (locked[central + 8] ?? 0) | 1;
    expect(messageOf(() => readXlsx(locked))).toContain("password-protected");
  });

  it("answers every damaged workbook with a readable refusal (fuzz: flipped and cut bytes)", () => {
    const good = workbook({
      S: [
        ["Title", "Low"],
        ["A", 1],
        ["B", 2],
      ],
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(good.length - 1), value: fc.nat(255) }), { maxLength: 12 }),
        fc.nat(good.length),
        (flips, cut) => {
          const bytes = good.slice(0, Math.max(cut, 30));
          for (const flip of flips) if (flip.at < bytes.length) bytes[flip.at] = flip.value;
          try {
            readXlsx(bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
        },
      ),
      { numRuns: 200, seed: 18 },
    );
  });
});
