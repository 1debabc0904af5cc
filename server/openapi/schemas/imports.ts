// The use-case import's request query and answer, as zod (the import's types are checked against them).
import "server-only";
import { z } from "zod";
import { IMPORT_FIELDS } from "@/lib/import/fields";
import { ROLES } from "@/lib/lifecycle";
import type { ImportResult } from "../../imports/import-use-cases";
import type { Equal } from "./common";

const flag = (description: string, fallback: "true" | "false") =>
  z.enum(["true", "false"]).default(fallback).meta({ description });

export const ImportQuerySchema = z.object({
  dryRun: flag("`true` (the default) only previews: nothing is written.", "true"),
  skipInvalid: flag(
    "With `dryRun=false`: `true` writes the valid rows and returns the others as `rejectedCsv`; `false` (the default) writes all rows or none.",
    "false",
  ),
  inviteMissingUsers: flag(
    "ADMIN only (403 for anyone else): `true` creates an unknown owner or sponsor email as an inactive user (DATA_SCIENTIST when named as an owner, else BUSINESS) in the import's transaction, instead of refusing the row; rows say `invites`.",
    "false",
  ),
  mapping: z
    .string()
    .optional()
    .meta({
      description: `JSON object from a column header to a field (${IMPORT_FIELDS.join(", ")}), or null to ignore the column. Headers not named are matched automatically (synonyms such as "Name", "Owner email", "Expected EBITDA").`,
      examples: ['{"Project":"title","Notes":null}'],
    }),
  fileName: z.string().optional().meta({ description: "The file's name, recorded in the import's audit event." }),
  sheet: z
    .string()
    .optional()
    .meta({
      description:
        "XLSX only: the name of the sheet to read (default: the first). The answer lists the workbook's sheets in `sheets`; an unknown name is a 422 naming them.",
      examples: ["Portfolio"],
    }),
});

const RowErrorResponse = z.object({ column: z.string(), message: z.string() });

export const ImportResultResponse = z.object({
  rows: z.array(
    z.object({
      line: z.number().int().meta({ description: "The row number as a spreadsheet shows it (the header is 1)." }),
      action: z.enum(["create", "update", "unchanged", "error"]),
      key: z.string().optional().meta({ description: "The use case's key (after a commit, for created ones too)." }),
      errors: z.array(RowErrorResponse).optional(),
      invites: z
        .array(z.object({ email: z.string(), role: z.enum(ROLES) }))
        .optional()
        .meta({
          description:
            "With inviteMissingUsers: the row's owner or sponsor the import creates (a dry run: will create), inactive.",
        }),
    }),
  ),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  invited: z.number().int().meta({ description: "Users invited (created inactive), or to invite in a dry run." }),
  columns: z.array(z.object({ header: z.string(), field: z.enum(IMPORT_FIELDS).nullable() })).meta({
    description: "The field each column was read into (null: ignored).",
  }),
  dryRun: z.boolean(),
  committed: z.boolean(),
  checksum: z.string().meta({ description: "SHA-256 of the file, hex." }),
  sheet: z.string().optional().meta({ description: "XLSX: the sheet that was read." }),
  sheets: z.array(z.string()).optional().meta({ description: "XLSX: the workbook's sheets, in order." }),
  rejectedCsv: z.string().optional().meta({ description: "With skipInvalid: the refused rows plus an error column." }),
});

const check: Equal<z.infer<typeof ImportResultResponse>, ImportResult> = true;
void check;
