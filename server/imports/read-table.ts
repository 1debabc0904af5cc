import "server-only";
import { parse } from "csv-parse/sync";
import { readXlsx } from "./read-xlsx";
import { checkedTable, IMPORT_LIMITS, type Table, unreadable } from "./table";

export { IMPORT_LIMITS, type Table } from "./table";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_TYPES = new Set(["text/csv", "application/csv", "text/plain", "text/tab-separated-values"]);

/** 415 for a media type the import does not read (the route maps it). */
export class UnsupportedMediaType extends Error {}

/** The uploaded file, by its media type, as a table of text cells (of `sheet`, or the first one, for XLSX). */
export function readTable(bytes: Uint8Array, contentType: string, options: { sheet?: string } = {}): Table {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === XLSX_TYPE) return readXlsx(bytes, options.sheet);
  if (!CSV_TYPES.has(type))
    throw new UnsupportedMediaType(`Send the file as text/csv or as ${XLSX_TYPE} (got ${type || "no Content-Type"}).`);
  if (options.sheet)
    throw unreadable("A CSV file has no sheets: leave out the sheet parameter, or send the XLSX workbook.");
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
    throw unreadable(
      `This is a ZIP or XLSX file, not CSV: send an XLSX workbook as ${XLSX_TYPE} (the import page does this for .xlsx files).`,
    );
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
  return checkedTable(
    header ?? [],
    body.map((cells, index) => ({ line: index + 2, cells })),
    { thing: "file", first: "The first line", line: "Line" },
  );
}
