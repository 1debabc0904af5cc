import "server-only";
import { safeText, toCsv } from "../../lib/csv";
import { formatKey } from "../../lib/lifecycle";
import { type Actor, can } from "../../lib/permissions";
import { db } from "../db";
import { forbidden } from "../errors";
import { listConditionsSql, USE_CASE_JOINS_SQL } from "./list-sql";
import { type UseCaseListQuery, UseCaseListQuerySchema } from "./list-use-cases";

const MAX_ROWS = 50_000;

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
};

/** The filtered use-case list as CSV (UTF-8, one header row, amounts as decimal strings). */
export async function exportUseCasesCsv(actor: Actor, query: UseCaseListQuery): Promise<string> {
  if (!can(actor, "use-case:read")) throw forbidden();
  const {
    sort: _sort,
    limit: _limit,
    offset: _offset,
    ...filters
  } = UseCaseListQuerySchema.parse({ ...query, limit: 1 });
  const rows = await db.$queryRaw<CsvRow[]>`
    SELECT u.number, u.title, u.stage, u.status, u."benefitArea", u.output, u.outcome,
      u."ebitdaLow"::text AS "ebitdaLow", u."ebitdaBase"::text AS "ebitdaBase", u."ebitdaHigh"::text AS "ebitdaHigh",
      u.currency, o.name AS "ownerName", s.name AS "sponsorName", u."stageEnteredAt", u."createdAt", u."updatedAt",
      u."riskTier"
    FROM ${USE_CASE_JOINS_SQL} WHERE ${listConditionsSql(filters)}
    ORDER BY u.number ASC LIMIT ${MAX_ROWS}`;
  return toCsv(
    CSV_HEADER,
    rows.map((u) => [
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
    ]),
  );
}
