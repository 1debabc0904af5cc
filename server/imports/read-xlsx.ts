import "server-only";
// SheetJS Community Edition, as republished on npm by @e965 (docs/decisions/0010-import.md).
import { type CellObject, read, SSF, type WorkBook } from "@e965/xlsx";
import { DomainError } from "../errors";
import { checkedTable, IMPORT_LIMITS, type Table, unreadable } from "./table";
import { unpackWithinLimits, ZIP_LIMITS, ZipRefused } from "./zip-guard";

// The package types SSF as any: the two functions used here, as SheetJS documents them.
const dateFormat = SSF as {
  is_date: (format: string) => boolean;
  parse_date_code: (
    serial: number,
    options: { date1904: boolean },
  ) => { y: number; m: number; d: number; H: number; M: number; S: number };
};

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SAVE_AS = 'In Excel choose File → Save As → "Excel Workbook (.xlsx)", or "CSV UTF-8", and import that file.';

/** "EncryptionInfo" as a stream name in an OLE2 directory (UTF-16LE): Office's password-protected workbook. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    Buffer.from("EncryptionInfo", "utf16le"),
  );
}

/** Refuses, with what to do, what is not an XLSX workbook this import can read safely. */
function unpack(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength === 0) throw unreadable("The file is empty.");
  if (OLE2.every((b, i) => bytes[i] === b))
    throw unreadable(
      isEncryptedOffice(bytes)
        ? "The workbook is password-protected: remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and import it again."
        : `This is an Excel 97-2003 (.xls) workbook, which is not read. ${SAVE_AS}`,
    );
  try {
    return unpackWithinLimits(bytes);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    const { kind, message } = error.refusal;
    if (kind === "not-zip") throw unreadable(`The file is not an XLSX workbook. ${SAVE_AS}`);
    if (kind === "encrypted")
      throw unreadable(`The workbook cannot be read: ${message}. Remove the password and save.`);
    if (kind === "too-large")
      throw unreadable(
        `The workbook is too large once unpacked: ${message} (${ZIP_LIMITS.totalBytes / 1024 / 1024} MB at most). Remove other sheets, pictures or formatting, or save the sheet as CSV UTF-8.`,
      );
    throw unreadable(`The file is not a readable XLSX workbook: ${message}. ${SAVE_AS}`);
  }
}

function parse(stored: Uint8Array, options: Parameters<typeof read>[1]): WorkBook {
  try {
    return read(stored, { type: "array", WTF: false, ...options });
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : "";
    throw unreadable(`The file is not a readable XLSX workbook${reason ? ` (${reason})` : ""}. ${SAVE_AS}`);
  }
}

/** A number as plain digits, to 15 significant digits as Excel shows it (no float noise, no exponent). */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  return /e/i.test(text) ? rounded.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A date serial as ISO 8601: the day, or the day and time; a time of day alone (1900 system) as HH:MM:SS. */
function isoDate(serial: number, date1904: boolean): string {
  const d = dateFormat.parse_date_code(serial, { date1904 });
  const day = `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
  const time = `${pad(d.H)}:${pad(d.M)}:${pad(Math.floor(d.S))}`;
  if (!date1904 && serial >= 0 && serial < 1) return time; // day 0 of 1900 is no day
  return d.H || d.M || d.S ? `${day}T${time}` : day;
}

const ERRORS: Record<number, string> = {
  0: "#NULL!",
  7: "#DIV/0!",
  15: "#VALUE!",
  23: "#REF!",
  29: "#NAME?",
  36: "#NUM!",
  42: "#N/A",
  43: "#GETTING_DATA",
};

/**
 * A cell as the text a CSV of the same sheet would hold for the import: numbers as plain
 * digits (amounts read as in a CSV), date-formatted numbers as ISO dates, a formula's cached
 * value, TRUE/FALSE, and an error as its code (#N/A).
 */
export function cellText(cell: CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return "";
  switch (cell.t) {
    case "s":
      return String(cell.v);
    case "b":
      return cell.v ? "TRUE" : "FALSE";
    case "e":
      return ERRORS[cell.v as number] ?? "#ERROR";
    case "d":
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
    case "n": {
      const value = cell.v as number;
      if (typeof cell.z === "string" && dateFormat.is_date(cell.z)) return isoDate(value, date1904);
      return plainNumber(value);
    }
    default:
      return typeof cell.v === "string" ? cell.v : "";
  }
}

/**
 * An XLSX workbook's sheet (`sheet` by name, or the first) as a table, like a CSV of it: the
 * first non-empty row names the columns, from the first used column; rows keep the numbers
 * the spreadsheet shows. The ZIP is checked against ZIP_LIMITS before the parser sees it.
 */
export function readXlsx(bytes: Uint8Array, sheet?: string): Table {
  const stored = unpack(bytes);
  const names = parse(stored, { bookSheets: true }).SheetNames;
  if (names.length === 0) throw unreadable("The workbook has no sheets.");
  const name = sheet ?? names[0] ?? "";
  if (!names.includes(name))
    throw new DomainError("VALIDATION", `The workbook has no sheet "${sheet}".`, {
      errors: [{ path: "sheet", message: `The workbook's sheets are ${names.map((n) => `"${n}"`).join(", ")}.` }],
    });
  const book = parse(stored, {
    sheets: [name],
    dense: true,
    cellNF: true,
    cellText: false,
    cellHTML: false,
    cellFormula: false,
    cellStyles: false,
    cellDates: false,
    bookVBA: false,
    // Rows past the limit are not parsed at all; !fullref still says how far the sheet goes.
    sheetRows: IMPORT_LIMITS.lines + 2,
  });
  const ws = book.Sheets[name];
  const data = (ws?.["!data"] ?? []) as (CellObject | undefined)[][];
  const fullRef = ws?.["!fullref"] ?? ws?.["!ref"];
  const lastRow = fullRef ? Number(/(\d+)$/.exec(fullRef)?.[1] ?? 0) : 0;
  if (lastRow > IMPORT_LIMITS.lines + 1)
    throw unreadable(
      `The sheet "${name}" goes down to row ${lastRow.toLocaleString("en")}; at most ${IMPORT_LIMITS.lines.toLocaleString("en")} rows are read (empty ones count). Delete the rows below your data, or split it.`,
    );
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  // The used rectangle: first non-empty row (the header), first and last used columns.
  let headerIndex = -1;
  let firstColumn = Number.POSITIVE_INFINITY;
  let lastColumn = -1;
  const texts: { index: number; cells: string[] }[] = [];
  data.forEach((row, index) => {
    if (!row) return;
    const cells: string[] = [];
    row.forEach((cell, column) => {
      const text = cellText(cell, date1904);
      cells[column] = text;
      if (text.trim() === "") return;
      if (column < firstColumn) firstColumn = column;
      if (column > lastColumn) lastColumn = column;
      if (headerIndex < 0) headerIndex = index;
    });
    texts.push({ index, cells });
  });
  if (headerIndex < 0) throw unreadable(`The sheet "${name}" is empty.`);
  if (lastColumn - firstColumn + 1 > IMPORT_LIMITS.columns)
    throw unreadable(
      `The sheet "${name}" uses ${lastColumn - firstColumn + 1} columns; at most ${IMPORT_LIMITS.columns} are read.`,
    );
  const slice = (cells: string[]) =>
    Array.from({ length: lastColumn - firstColumn + 1 }, (_, i) => cells[firstColumn + i] ?? "");
  const headerRow = texts.find((t) => t.index === headerIndex);
  const table = checkedTable(
    slice(headerRow?.cells ?? []),
    texts.filter((t) => t.index > headerIndex).map((t) => ({ line: t.index + 1, cells: slice(t.cells) })),
    { thing: "sheet", first: `The first row of sheet "${name}"`, line: "Row" },
  );
  return { ...table, sheet: { name, names } };
}
