// The CSV and XLSX import of use cases (tag Use cases). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import type { Endpoint } from "../endpoint";
import { ImportQuerySchema, ImportResultResponse } from "../schemas/imports";

export const IMPORT_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "POST",
    path: "/api/v1/imports/use-cases",
    operationId: "importUseCases",
    summary: "Import use cases from a CSV or XLSX file",
    description:
      "The file is the body: `text/csv` (UTF-8 with or without BOM, comma, semicolon, tab or pipe, quoted fields) or an XLSX workbook (`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`: the first sheet, or the one named by `sheet`; the answer lists the workbook's sheets in `sheets`). 10 MB and 20,000 rows at most; an XLSX unpacks to 100 MB at most (more: 422, before it is parsed). In XLSX, numbers are read as plain digits, date-formatted cells as ISO dates and formulas by their last computed value. A dry run (the default) answers what each row would do. `dryRun=false` writes all rows or none: when a row is invalid nothing is written and the answer is a 422 problem carrying the same members. A row with a `Key` (UC-n) or a known `External id` updates that use case; the same file twice gives `unchanged` on every row. ADMIN and BUSINESS import; a DATA_SCIENTIST only use cases they own (another owner: 403); IT may not. A file that cannot be read (damaged, password-protected, an Excel 97-2003 .xls, an empty sheet) is a 422 problem saying what to do; another media type, 415.",
    tag: "Use cases",
    query: ImportQuerySchema,
    body: {
      contentType: "text/csv",
      description: "The CSV file or XLSX workbook (10 MB at most).",
      maxBytes: 10 * 1024 * 1024,
      also: [{ contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", binary: true }],
    },
    success: { status: 200, description: "What each row does (or did).", schema: ImportResultResponse },
    errors: [401, 403, 413, 415, 422],
  },
];
