// The CSV import of use cases (tag Use cases). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import type { Endpoint } from "../endpoint";
import { ImportQuerySchema, ImportResultResponse } from "../schemas/imports";

export const IMPORT_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "POST",
    path: "/api/v1/imports/use-cases",
    operationId: "importUseCases",
    summary: "Import use cases from a CSV file",
    description:
      "The file is the body (`text/csv`: UTF-8 with or without BOM, comma, semicolon, tab or pipe, quoted fields; 10 MB and 20,000 rows at most). A dry run (the default) answers what each row would do. `dryRun=false` writes all rows or none: when a row is invalid nothing is written and the answer is a 422 problem carrying the same members. A row with a `Key` (UC-n) or a known `External id` updates that use case; the same file twice gives `unchanged` on every row. ADMIN and BUSINESS import; a DATA_SCIENTIST only use cases they own (another owner: 403); IT may not. XLSX (`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`) answers 415 for now: save the sheet as CSV UTF-8.",
    tag: "Use cases",
    query: ImportQuerySchema,
    body: { contentType: "text/csv", description: "The CSV file (10 MB at most).", maxBytes: 10 * 1024 * 1024 },
    success: { status: 200, description: "What each row does (or did).", schema: ImportResultResponse },
    errors: [401, 403, 413, 415, 422],
  },
];
