import "server-only";
import { z } from "zod";
import { IMPORT_FIELDS, type ImportMapping } from "@/lib/import/fields";
import { DomainError } from "../errors";

const MappingSchema = z.record(z.string().max(500), z.enum(IMPORT_FIELDS).nullable());
const flag = (value: string | null, name: string, fallback: boolean): boolean => {
  if (value === null || value === "") return fallback;
  if (value === "true" || value === "false") return value === "true";
  throw new DomainError("VALIDATION", "Some fields need attention.", {
    errors: [{ path: name, message: `${name} is true or false.` }],
  });
};

/** The import's query: dryRun (default true), skipInvalid and inviteMissingUsers (default false), mapping (JSON), fileName, sheet (XLSX). */
export function readImportQuery(search: URLSearchParams): {
  dryRun: boolean;
  skipInvalid: boolean;
  inviteMissingUsers: boolean;
  mapping: ImportMapping;
  fileName?: string;
  sheet?: string;
} {
  const raw = search.get("mapping");
  let mapping: ImportMapping = {};
  if (raw) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
    const parsed = MappingSchema.safeParse(json);
    if (!parsed.success)
      throw new DomainError("VALIDATION", "Some fields need attention.", {
        errors: [
          {
            path: "mapping",
            message: `mapping is a JSON object from a column header to a field (${IMPORT_FIELDS.join(", ")}) or null to ignore the column.`,
          },
        ],
      });
    mapping = parsed.data;
  }
  const fileName = search.get("fileName")?.slice(0, 255) || undefined;
  const sheet = search.get("sheet") || undefined;
  if (sheet && sheet.length > 255)
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [
        { path: "sheet", message: "sheet is the name of one of the workbook's sheets (31 characters in Excel)." },
      ],
    });
  return {
    dryRun: flag(search.get("dryRun"), "dryRun", true),
    skipInvalid: flag(search.get("skipInvalid"), "skipInvalid", false),
    inviteMissingUsers: flag(search.get("inviteMissingUsers"), "inviteMissingUsers", false),
    mapping,
    fileName,
    ...(sheet ? { sheet } : {}),
  };
}
