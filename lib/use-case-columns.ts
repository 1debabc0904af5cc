// The columns of the use-case list (components/use-case/use-case-table.tsx): which may be hidden,
// in which order they show. A saved view and the user's own choice store these ids.

export const USE_CASE_COLUMNS = [
  "key",
  "title",
  "stage",
  "status",
  "benefitArea",
  "value",
  "owner",
  "priority",
] as const;
export type UseCaseColumn = (typeof USE_CASE_COLUMNS)[number];

export const USE_CASE_COLUMN_LABELS: Record<UseCaseColumn, string> = {
  key: "Key",
  title: "Title",
  stage: "Stage",
  status: "Status",
  benefitArea: "Benefit area",
  value: "EBITDA / year",
  owner: "Owner",
  priority: "Priority",
};

/** Always shown: a row is named by its key and title. */
export const REQUIRED_COLUMNS: readonly UseCaseColumn[] = ["key", "title"];

const isColumn = (value: string): value is UseCaseColumn => (USE_CASE_COLUMNS as readonly string[]).includes(value);

/**
 * The columns to show from stored or sent ids: unknown ids dropped (a column removed later), the
 * required ones added, in the table's order. Nothing stored (empty): every column.
 */
export function normaliseColumns(ids: readonly string[] | null | undefined): UseCaseColumn[] {
  const known = (ids ?? []).filter(isColumn);
  if (known.length === 0) return [...USE_CASE_COLUMNS];
  return USE_CASE_COLUMNS.filter((column) => REQUIRED_COLUMNS.includes(column) || known.includes(column));
}

/** The `columns` query parameter ("key,title,stage"), as the list page reads it; null when absent or empty. */
export function columnsFromParam(param: string | undefined): UseCaseColumn[] | null {
  if (!param) return null;
  const ids = param.split(",").filter(isColumn);
  return ids.length ? normaliseColumns(ids) : null;
}
