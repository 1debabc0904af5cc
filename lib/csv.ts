// CSV per RFC 4180: comma-separated, CRLF rows, fields quoted when they hold a comma, quote or line break.

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: string | number | null | undefined): string {
  const text = value == null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return csvLines([header, ...rows]);
}

/** Rows as CSV lines, each ending in CRLF (a part of a file streamed in parts). */
export function csvLines(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => `${row.map(field).join(",")}\r\n`).join("");
}
