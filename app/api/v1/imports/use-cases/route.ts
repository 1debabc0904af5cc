import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { problem } from "@/server/http/problem";
import { readBytesWithin } from "@/server/http/read-bytes";
import { readImportQuery } from "@/server/imports/import-query";
import { authorizeImport, importUseCases } from "@/server/imports/import-use-cases";
import { IMPORT_LIMITS, UnsupportedMediaType } from "@/server/imports/read-table";

export const dynamic = "force-dynamic";

/**
 * A CSV file or an XLSX workbook (?sheet= names the sheet) as the body -> what each row does. dryRun=true (the default) writes nothing;
 * dryRun=false writes all rows or none (422 with the rows when one is invalid), or with
 * skipInvalid=true the valid ones, handing the others back as CSV.
 */
export const POST = apiRoute(async ({ request, actor }) => {
  authorizeImport(actor); // 403 before the query and body are read
  const query = readImportQuery(new URL(request.url).searchParams);
  authorizeImport(actor, query); // inviteMissingUsers: ADMIN only
  const bytes = await readBytesWithin(request, IMPORT_LIMITS.bytes);
  if (bytes === null) return problem(413, "Content Too Large", "The file is larger than 10 MB: split it.");
  try {
    const result = await importUseCases(actor, {
      bytes,
      contentType: request.headers.get("content-type") ?? "",
      ...query,
    });
    if (!result.dryRun && !result.committed)
      return problem(
        422,
        "Unprocessable Content",
        `${result.failed} of ${result.rows.length} rows are invalid: nothing was imported.`,
        {
          errors: result.rows.flatMap((row) =>
            (row.errors ?? []).map((e) => ({ path: `line ${row.line}: ${e.column}`, message: e.message })),
          ),
          ...result,
        },
      );
    return json(result);
  } catch (error) {
    if (error instanceof UnsupportedMediaType) return problem(415, "Unsupported Media Type", error.message);
    throw error;
  }
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
