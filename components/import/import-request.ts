// The import page's calls to the import API (the same endpoint integrations use).
import type { ImportMapping } from "@/lib/import/fields";
import type { ImportResult } from "@/lib/import/result";

export type ImportAnswer = { ok: true; result: ImportResult } | { ok: false; message: string; result?: ImportResult };

export async function sendImport(
  file: { name: string; bytes: ArrayBuffer },
  options: {
    mapping: ImportMapping;
    dryRun: boolean;
    skipInvalid: boolean;
    sheet?: string;
    inviteMissingUsers?: boolean;
  },
): Promise<ImportAnswer> {
  const query = new URLSearchParams({
    dryRun: String(options.dryRun),
    skipInvalid: String(options.skipInvalid),
    fileName: file.name,
  });
  if (options.sheet && isXlsx(file.name)) query.set("sheet", options.sheet);
  if (options.inviteMissingUsers) query.set("inviteMissingUsers", "true");
  if (Object.keys(options.mapping).length) query.set("mapping", JSON.stringify(options.mapping));
  let response: Response;
  try {
    response = await fetch(`/api/v1/imports/use-cases?${query}`, {
      method: "POST",
      headers: { "content-type": isXlsx(file.name) ? XLSX_TYPE : "text/csv" },
      body: file.bytes,
    });
  } catch {
    return { ok: false, message: "The server could not be reached. Check your connection and try again." };
  }
  const body = (await response.json().catch(() => null)) as (Partial<ImportResult> & { detail?: string }) | null;
  if (response.ok && body?.rows) return { ok: true, result: body as ImportResult };
  const message = body?.detail ?? `The import failed (${response.status}).`;
  return { ok: false, message, ...(body?.rows ? { result: body as ImportResult } : {}) };
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** An Excel workbook by its name (the browser's own type for it varies: empty on some systems). */
export const isXlsx = (name: string) => /\.xlsx$/i.test(name);

/** The mapping chosen for a set of headers, remembered in this browser. */
const storageKey = (headers: string[]) => `roadbook.import.mapping:${JSON.stringify(headers)}`;

export function rememberedMapping(headers: string[]): ImportMapping | null {
  try {
    const text = window.localStorage.getItem(storageKey(headers));
    return text ? (JSON.parse(text) as ImportMapping) : null;
  } catch {
    return null;
  }
}

export function rememberMapping(headers: string[], mapping: ImportMapping): void {
  try {
    window.localStorage.setItem(storageKey(headers), JSON.stringify(mapping));
  } catch {
    // Storage full or refused: the mapping is simply not remembered.
  }
}
