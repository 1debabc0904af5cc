// What an import answers (the API's body, and what the import page shows).
import type { Role } from "../lifecycle";
import type { ImportField } from "./fields";

export type RowError = { column: string; message: string };
export type RowAction = "create" | "update" | "unchanged" | "error";
export type ColumnPlan = { header: string; field: ImportField | null };
/** A user an admin's import creates, inactive, for an unknown owner or sponsor email. */
export type InvitedUser = { email: string; role: Role };
export type ImportRowResult = {
  line: number;
  action: RowAction;
  key?: string;
  errors?: RowError[];
  /** "User will be invited" (a dry run) or was (a commit): the row's owner or sponsor. */
  invites?: InvitedUser[];
};

export type ImportResult = {
  rows: ImportRowResult[];
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Users created (or, in a dry run, to create) inactive, with "invite missing users". */
  invited: number;
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
