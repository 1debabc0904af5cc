// The use-case fields a spreadsheet column can fill, and the header words that name each one.
// Shared by the import page (its mapping table) and the server (which applies the mapping).

export const IMPORT_FIELDS = [
  "key",
  "externalId",
  "title",
  "summary",
  "output",
  "outcome",
  "pocResult",
  "benefitArea",
  "ebitdaLow",
  "ebitdaBase",
  "ebitdaHigh",
  "currency",
  "owner",
  "sponsor",
  "stage",
  "status",
  "tags",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  key: "Key (UC-n)",
  externalId: "External id",
  title: "Title",
  summary: "Summary",
  output: "Output",
  outcome: "Outcome",
  pocResult: "POC result",
  benefitArea: "Benefit area",
  ebitdaLow: "EBITDA low",
  ebitdaBase: "EBITDA base",
  ebitdaHigh: "EBITDA high",
  currency: "Currency",
  owner: "Owner (email)",
  sponsor: "Sponsor (email)",
  stage: "Stage",
  status: "Status",
  tags: "Tags (comma-separated)",
};

/**
 * Header words per field, compared after normaliseHeader (lower case, letters and digits
 * only): "Owner e-mail", "owner_email" and "OWNER EMAIL" are one header. The field's own
 * name comes first; the export's header (lib: server/use-cases/export-csv.ts) is covered.
 */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  key: ["key", "usecasekey", "uckey", "roadbookkey", "usecaseid"],
  externalId: ["externalid", "extid", "externalkey", "externalreference", "sourceid", "reference", "ref"],
  title: ["title", "name", "usecase", "usecasename", "usecasetitle"],
  summary: ["summary", "description", "details"],
  output: ["output", "modeloutput", "prediction", "predicts"],
  outcome: ["outcome", "businessoutcome", "purpose", "businesspurpose"],
  pocResult: ["pocresult", "pocresults", "pocfindings", "pocoutcome"],
  benefitArea: ["benefitarea", "benefit", "benefittype", "valuedriver"],
  ebitdaLow: ["ebitdalow", "low", "lowestimate", "expectedebitdalow", "ebitdamin", "min"],
  ebitdaBase: ["ebitdabase", "base", "expectedebitda", "ebitda", "baseestimate", "expectedvalue", "value"],
  ebitdaHigh: ["ebitdahigh", "high", "highestimate", "expectedebitdahigh", "ebitdamax", "max"],
  currency: ["currency", "ccy", "currencycode"],
  owner: ["owner", "owneremail", "owneremailaddress", "ownermail", "ownedby"],
  sponsor: ["sponsor", "sponsoremail", "sponsoremailaddress", "sponsormail", "businesssponsor"],
  stage: ["stage", "phase", "lifecyclestage"],
  status: ["status", "state"],
  tags: ["tags", "tag", "labels", "keywords"],
};

export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const FIELD_OF_WORD = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => SYNONYMS[field].map((word) => [word, field] as const)),
);

/** The field a header names on its own, or null ("Team", "createdAt"...). */
export function fieldForHeader(header: string): ImportField | null {
  return FIELD_OF_WORD.get(normaliseHeader(header)) ?? null;
}

/** What the user chose per header: a field, or null to ignore the column. */
export type ImportMapping = Record<string, ImportField | null>;

/**
 * The field of each column: the user's choice where given (null ignores the column), else
 * the header's own match. A field goes to one column only: the first that claims it (a
 * user's choice before an automatic match).
 */
export function resolveColumns(headers: readonly string[], mapping: ImportMapping = {}): (ImportField | null)[] {
  const chosen = headers.map((header) =>
    Object.hasOwn(mapping, header)
      ? { field: mapping[header] ?? null, byUser: true }
      : { field: fieldForHeader(header), byUser: false },
  );
  const taken = new Set<ImportField>(chosen.filter((c) => c.byUser && c.field).map((c) => c.field as ImportField));
  const seen = new Set<ImportField>();
  return chosen.map(({ field, byUser }) => {
    if (!field || seen.has(field)) return null;
    if (!byUser && taken.has(field)) return null;
    seen.add(field);
    return field;
  });
}
