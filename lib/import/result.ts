// What an import answers (the API's body, and what the import page shows).
import type { ImportField } from "./fields";

export type RowError = { column: string; message: string };
export type RowAction = "create" | "update" | "unchanged" | "error";
export type ColumnPlan = { header: string; field: ImportField | null };
export type ImportRowResult = { line: number; action: RowAction; key?: string; errors?: RowError[] };

export type ImportResult = {
  rows: ImportRowResult[];
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  columns: ColumnPlan[];
  dryRun: boolean;
  /** False when a commit was refused because a row is invalid (all or none): nothing written. */
  committed: boolean;
  checksum: string;
  /** XLSX: the sheet that was read. */
  sheet?: string;
  /** XLSX: the workbook's sheets, in order (the page offers them when there are several). */
  sheets?: string[];
  /** With skipInvalid: the refused rows with an "error" column, to fix and import again. */
  rejectedCsv?: string;
};
