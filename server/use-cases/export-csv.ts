import "server-only";
import { safeText, toCsv } from "../../lib/csv";
import { formatKey } from "../../lib/lifecycle";
import { type Actor, can } from "../../lib/permissions";
import { db } from "../db";
import { forbidden } from "../errors";
import { listWhere, type UseCaseListQuery, UseCaseListQuerySchema } from "./list-use-cases";

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
] as const;

/** The filtered use-case list as CSV (UTF-8, one header row, amounts as decimal strings). */
export async function exportUseCasesCsv(actor: Actor, query: UseCaseListQuery): Promise<string> {
  if (!can(actor, "use-case:read")) throw forbidden();
  const {
    sort: _sort,
    limit: _limit,
    offset: _offset,
    ...filters
  } = UseCaseListQuerySchema.parse({ ...query, limit: 1 });
  const rows = await db.useCase.findMany({
    where: listWhere(filters),
    include: { owner: { select: { name: true } }, sponsor: { select: { name: true } } },
    orderBy: { number: "asc" },
    take: MAX_ROWS,
  });
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
      u.ebitdaLow?.toFixed(2) ?? "",
      u.ebitdaBase?.toFixed(2) ?? "",
      u.ebitdaHigh?.toFixed(2) ?? "",
      u.currency,
      safeText(u.owner.name),
      safeText(u.sponsor?.name ?? ""),
      u.stageEnteredAt.toISOString(),
      u.createdAt.toISOString(),
      u.updatedAt.toISOString(),
    ]),
  );
}
