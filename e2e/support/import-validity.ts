// For the bad-input fuzz: would the use-case import accept this request (file and query)?
// Asks the import's own readers, so a 2xx is only ever expected for input they read.
import { readImportQuery } from "@/server/imports/import-query";
import { IMPORT_LIMITS, readTable } from "@/server/imports/read-table";

export function importAccepts(shot: { data?: Buffer; contentType: string | null; query?: Record<string, string> }) {
  const bytes = new Uint8Array(shot.data ?? Buffer.alloc(0));
  if (bytes.byteLength > IMPORT_LIMITS.bytes) return false;
  try {
    readImportQuery(new URLSearchParams(shot.query ?? {}));
    readTable(bytes, shot.contentType ?? "");
    return true;
  } catch {
    return false;
  }
}
