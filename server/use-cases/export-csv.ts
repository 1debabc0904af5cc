import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { csvLines, safeText } from "@/lib/csv";
import { formatKey, parseKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { BULK_EDIT_MAX_ROWS } from "@/lib/validation/bulk-edit";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { parseInput } from "../http/parse-input";
import { listConditionsSql, USE_CASE_JOINS_SQL } from "./list-sql";
import { type UseCaseListQuery, UseCaseListQuerySchema } from "./list-use-cases";

/** Rows per query: the export streams batch by batch, so memory stays flat whatever the portfolio size. */
const BATCH = 2_000;

export const CSV_HEADER = [
  "key",
  "title",
  "stage",
  "status",
  "benefitArea",
  "output",
  "outcome",
  "ebitdaLow",
  "ebitdaBase",
  "ebitdaHigh",
  "currency",
  "owner",
  "sponsor",
  "stageEnteredAt",
  "createdAt",
  "updatedAt",
  "riskTier",
  "tags",
] as const;

type CsvRow = {
  number: number;
  title: string;
  stage: string;
  status: string;
  benefitArea: string | null;
  output: string;
  outcome: string;
  ebitdaLow: string | null;
  ebitdaBase: string | null;
  ebitdaHigh: string | null;
  currency: string;
  ownerName: string;
  sponsorName: string | null;
  stageEnteredAt: Date;
  createdAt: Date;
  updatedAt: Date;
  riskTier: string | null;
  tags: string[];
};

/**
 * The filtered use-case list as CSV (UTF-8, one header row, amounts as decimal strings), in
 * parts: the header, then the rows a batch at a time in key order (keyset paging), so the
 * whole portfolio streams with flat memory. Permission and filters are checked before the
 * first part, so a refusal is still an error answer and not a cut-off file.
 */
export async function exportUseCasesCsv(
  actor: Actor,
  query: UseCaseListQuery & { keys?: string },
  batch = BATCH,
): Promise<AsyncIterable<string>> {
  requirePermission(actor, "use-case:read");
  const { keys, ...listQuery } = query;
  const {
    sort: _sort,
    limit: _limit,
    offset: _offset,
    ...filters
  } = parseInput(UseCaseListQuerySchema, { ...listQuery, limit: 1 });
  const conditions =
    keys === undefined
      ? listConditionsSql(filters)
      : Prisma.sql`${listConditionsSql(filters)} AND u.number = ANY(${selectedNumbers(keys)}::int[])`;
  return (async function* () {
    yield csvLines([CSV_HEADER]);
    for (let after = 0; ; ) {
      const rows = await db.$queryRaw<CsvRow[]>`
        SELECT u.number, u.title, u.stage, u.status, u."benefitArea", u.output, u.outcome,
          u."ebitdaLow"::text AS "ebitdaLow", u."ebitdaBase"::text AS "ebitdaBase", u."ebitdaHigh"::text AS "ebitdaHigh",
          u.currency, o.name AS "ownerName", s.name AS "sponsorName", u."stageEnteredAt", u."createdAt", u."updatedAt",
          u."riskTier", u.tags
        FROM ${USE_CASE_JOINS_SQL} WHERE ${conditions} AND u.number > ${after}
        ORDER BY u.number ASC LIMIT ${batch}`;
      if (rows.length === 0) return;
      yield csvLines(rows.map(csvRow));
      if (rows.length < batch) return;
      after = (rows[rows.length - 1] as CsvRow).number;
    }
  })();
}

/** `keys=UC-1,UC-4`: the list's selection (at most a bulk edit's rows); text that is no key matches nothing. */
function selectedNumbers(keys: string): number[] {
  const list = keys.split(",").slice(0, BULK_EDIT_MAX_ROWS);
  return list.map((key) => parseKey(key.trim())).filter((n): n is number => n != null);
}

/** All the parts of an export as one text (tests, small exports). */
export async function exportText(parts: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const part of parts) text += part;
  return text;
}

const csvRow = (u: CsvRow) => [
  formatKey(u.number),
  safeText(u.title),
  u.stage,
  u.status,
  u.benefitArea ?? "",
  safeText(u.output),
  safeText(u.outcome),
  u.ebitdaLow ?? "",
  u.ebitdaBase ?? "",
  u.ebitdaHigh ?? "",
  u.currency,
  safeText(u.ownerName),
  safeText(u.sponsorName ?? ""),
  u.stageEnteredAt.toISOString(),
  u.createdAt.toISOString(),
  u.updatedAt.toISOString(),
  u.riskTier ?? "",
  // Tags are letters, digits and - _ . + # only (lib/tags.ts): nothing a spreadsheet would run.
  u.tags.join(", "),
];
