// The table an import file is read into, whatever its format, and the limits it meets.
import "server-only";
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
  /** An XLSX file's sheet that was read, and the workbook's sheets in their order. */
  sheet?: { name: string; names: string[] };
};

export const unreadable = (message: string) =>
  new DomainError("VALIDATION", message, { errors: [{ path: "file", message }] });

/**
 * The limits every file meets whatever its format: a header row naming the columns, at most
 * IMPORT_LIMITS.columns of them, blank rows skipped (their numbers kept), some rows and at most
 * IMPORT_LIMITS.rows, no cell over IMPORT_LIMITS.cellChars.
 */
export function checkedTable(
  header: string[],
  body: Table["rows"],
  words: { thing: "file" | "sheet"; first: string; line: "Line" | "Row" },
): Table {
  const headers = header.map((h) => h.trim());
  if (headers.length === 0 || headers.every((h) => h === ""))
    throw unreadable(`${words.first} must name the columns (a header row such as Title,Owner email,Stage).`);
  if (headers.length > IMPORT_LIMITS.columns)
    throw unreadable(`The ${words.thing} has ${headers.length} columns; at most ${IMPORT_LIMITS.columns} are read.`);
  // Blank lines and rows of empty cells are skipped.
  const rows = body.filter((row) => !row.cells.every((cell) => cell.trim() === ""));
  if (rows.length === 0) throw unreadable(`The ${words.thing} has a header but no rows to import.`);
  if (rows.length > IMPORT_LIMITS.rows)
    throw unreadable(
      `The ${words.thing} has ${rows.length} rows; at most ${IMPORT_LIMITS.rows.toLocaleString("en")} are imported at once. Split it.`,
    );
  for (const row of rows) {
    const long = row.cells.findIndex((cell) => cell.length > IMPORT_LIMITS.cellChars);
    if (long >= 0)
      throw unreadable(
        `${words.line} ${row.line}, column ${long + 1}: a cell longer than ${IMPORT_LIMITS.cellChars} characters.`,
      );
  }
  return { headers, rows };
}
