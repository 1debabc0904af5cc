import "server-only";
import { parse } from "csv-parse/sync";
import { DomainError } from "../errors";

/** lines: line breaks read at all (cells may hold some); past it the parser would take long for nothing. */
export const IMPORT_LIMITS = {
  bytes: 10 * 1024 * 1024,
  rows: 20_000,
  lines: 100_000,
  columns: 200,
  cellChars: 100_000,
} as const;

export type Table = {
  headers: string[];
  /** Data rows with their line (the row number a spreadsheet shows; the header is line 1). */
  rows: { line: number; cells: string[] }[];
};

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_TYPES = new Set(["text/csv", "application/csv", "text/plain", "text/tab-separated-values"]);

const unreadable = (message: string) => new DomainError("VALIDATION", message, { errors: [{ path: "file", message }] });

/** 415 for a media type the import does not read (the route maps it). */
export class UnsupportedMediaType extends Error {}

/** The uploaded file, by its media type, as a table of text cells. */
export function readTable(bytes: Uint8Array, contentType: string): Table {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === XLSX_TYPE)
    throw new UnsupportedMediaType(
      "XLSX files are not read yet: in your spreadsheet, save the sheet as CSV UTF-8 and import that file.",
    );
  if (!CSV_TYPES.has(type))
    throw new UnsupportedMediaType(`Send the file as text/csv (got ${type || "no Content-Type"}).`);
  return readCsv(bytes);
}

/** Comma, semicolon, tab or pipe: the one that splits the header line most (outside quotes). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
    ["|", 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** UTF-8 (with or without BOM) CSV, any of the usual delimiters, quoted fields. */
export function readCsv(bytes: Uint8Array): Table {
  if (bytes.byteLength === 0) throw unreadable("The file is empty.");
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    throw unreadable("This is a ZIP or XLSX file, not CSV: save the sheet as CSV UTF-8 and import that.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw unreadable(
      'The file is not UTF-8 text. In your spreadsheet choose "CSV UTF-8" when saving, or convert the file to UTF-8.',
    );
  }
  if (text.includes("\u0000")) throw unreadable("The file contains NUL characters: it is not a CSV text file.");
  let lineBreaks = 0;
  for (let at = text.indexOf("\n"); at !== -1 && lineBreaks <= IMPORT_LIMITS.lines; at = text.indexOf("\n", at + 1))
    lineBreaks++;
  if (lineBreaks > IMPORT_LIMITS.lines)
    throw unreadable(
      `The file has more than ${IMPORT_LIMITS.lines.toLocaleString("en")} lines (empty ones count): remove the empty rows or split it.`,
    );
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: IMPORT_LIMITS.cellChars * 4,
    }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^Invalid Record Length: /, "") : "";
    throw unreadable(`The file could not be read as CSV: ${message || "malformed quoting"}.`);
  }
  const [header, ...body] = records;
  const headers = (header ?? []).map((h) => h.trim());
  if (headers.length === 0 || headers.every((h) => h === ""))
    throw unreadable("The first line must name the columns (a header row such as Title,Owner email,Stage).");
  if (headers.length > IMPORT_LIMITS.columns)
    throw unreadable(`The file has ${headers.length} columns; at most ${IMPORT_LIMITS.columns} are read.`);
  const rows: Table["rows"] = [];
  body.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === "")) return; // blank lines and rows of empty cells
    rows.push({ line: index + 2, cells });
  });
  if (rows.length === 0) throw unreadable("The file has a header but no rows to import.");
  if (rows.length > IMPORT_LIMITS.rows)
    throw unreadable(
      `The file has ${rows.length} rows; at most ${IMPORT_LIMITS.rows.toLocaleString("en")} are imported at once. Split it.`,
    );
  for (const row of rows) {
    const long = row.cells.findIndex((cell) => cell.length > IMPORT_LIMITS.cellChars);
    if (long >= 0)
      throw unreadable(
        `Line ${row.line}, column ${long + 1}: a cell longer than ${IMPORT_LIMITS.cellChars} characters.`,
      );
  }
  return { headers, rows };
}
