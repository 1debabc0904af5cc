import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { parseKey, type Stage, type UseCaseStatus } from "@/lib/lifecycle";
import type { PortfolioFilters } from "@/lib/validation/portfolio";
import { escapeLike } from "../like-text";
import { filterSql } from "../portfolio/portfolio-filters";
import { inPriorityOrderSql, priorityOfPageSql } from "../priority/priority-sql";

export type ListConditions = PortfolioFilters & { stage?: Stage; status?: UseCaseStatus; q?: string };

/** `%`, `_` and `\` match themselves in the text search. */
const likePattern = (q: string) => `%${escapeLike(q)}%`;

/**
 * The use-case list's conditions as SQL on `"UseCase" u` (stage, status, text search on key,
 * title, summary and owner name, and the portfolio filters): the one definition that the
 * list page, the API and the CSV export share.
 */
export function listConditionsSql({ stage, status, q, ...filters }: ListConditions): Prisma.Sql {
  const parts: Prisma.Sql[] = [filterSql(filters)];
  if (stage) parts.push(Prisma.sql`u.stage = ${stage}::"Stage"`);
  if (status) parts.push(Prisma.sql`u.status = ${status}::"UseCaseStatus"`);
  if (q) {
    const pattern = likePattern(q);
    const keyNumber = parseKey(q);
    // The matches come from the trigram indexes on title, summary and the owner's name (a
    // union the planner can drive from those indexes), not from ILIKE on every row of the list.
    parts.push(Prisma.sql`(
      ${keyNumber != null ? Prisma.sql`u.number = ${keyNumber} OR` : Prisma.empty}
      u.id IN (
        SELECT t.id FROM "UseCase" t WHERE t.title ILIKE ${pattern} OR t.summary ILIKE ${pattern}
        UNION
        SELECT t.id FROM "UseCase" t JOIN "User" so ON so.id = t."ownerId" WHERE so.name ILIKE ${pattern}
      )
    )`);
  }
  return Prisma.join(parts, " AND ");
}

export const LIST_ORDER_SQL = {
  updated: Prisma.sql`u."updatedAt" DESC, u.id ASC`,
  key: Prisma.sql`u.number DESC`,
  title: Prisma.sql`u.title ASC, u.id ASC`,
  stage: Prisma.sql`u.stage DESC, u."updatedAt" DESC, u.id ASC`,
  value: Prisma.sql`u."ebitdaBase" DESC NULLS LAST, u.id ASC`,
  // The rank's order (score high to low, then key), on the stored score; unscored last by key.
  priority: Prisma.sql`u."priorityTenths" DESC NULLS LAST, u.number ASC`,
} as const;

const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const person = (alias: Prisma.Sql) =>
  Prisma.sql`CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name) END`;

/**
 * A use case as the API's JSON text, built by PostgreSQL (the same shape as `toUseCaseDto`;
 * list-sql.test.ts keeps the two equal). Needs `"UseCase" u`, owner `o`, sponsor `s` and the
 * priority rows `p` (server/priority/priority-sql.ts) joined: `pageWithPrioritySql`.
 * Serving a list page is then one query and no per-row work in Node.
 */
export const USE_CASE_JSON_SQL = Prisma.sql`json_build_object(
  'key', 'UC-' || u.number,
  'title', u.title, 'summary', u.summary, 'output', u.output, 'outcome', u.outcome, 'pocResult', u."pocResult",
  'stage', u.stage, 'status', u.status, 'benefitArea', u."benefitArea",
  'ebitda', json_build_object('low', u."ebitdaLow"::text, 'base', u."ebitdaBase"::text, 'high', u."ebitdaHigh"::text, 'currency', u.currency),
  'ownerId', u."ownerId", 'sponsorId', u."sponsorId",
  'owner', ${person(Prisma.sql`o`)}, 'sponsor', ${person(Prisma.sql`s`)},
  'stageEnteredAt', ${iso(Prisma.sql`u."stageEnteredAt"`)},
  'version', u.version,
  'createdAt', ${iso(Prisma.sql`u."createdAt"`)},
  'updatedAt', ${iso(Prisma.sql`u."updatedAt"`)},
  'riskTier', u."riskTier",
  'tags', to_json(u.tags),
  'priorityScore', round(p.tenths / 10.0, 1), 'rank', p.rank, 'previousRank', p."previousRank"
)::text`;

/** The owner `o` and sponsor `s` of `u`. */
const PEOPLE_JOINS_SQL = Prisma.sql`JOIN "User" o ON o.id = u."ownerId"
  LEFT JOIN "User" s ON s.id = u."sponsorId"`;

export const USE_CASE_JOINS_SQL = Prisma.sql`"UseCase" u ${PEOPLE_JOINS_SQL}`;

/**
 * The rows of `USE_CASE_JSON_SQL` for one page: the page is chosen from "UseCase" alone (its
 * indexes and LIMIT; by priority, the ranked list's two branches `inPriorityOrderSql`), then
 * joined to its people and to the priority rows `p` by key (`priorityOfPageSql`).
 */
export const pageWithPrioritySql = (
  priorityRows: Prisma.Sql,
  page: { conditions: Prisma.Sql; sort: keyof typeof LIST_ORDER_SQL; take: number; offset: number },
) =>
  Prisma.sql`${
    page.sort === "priority"
      ? inPriorityOrderSql(page.conditions, page.take, page.offset)
      : Prisma.sql`(SELECT u.* FROM "UseCase" u WHERE ${page.conditions} ORDER BY ${LIST_ORDER_SQL[page.sort]} LIMIT ${page.take} OFFSET ${page.offset})`
  } u
  ${PEOPLE_JOINS_SQL}
  ${priorityOfPageSql(priorityRows)}`;
