import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { type Criterion, RICE_KEYS, RISK_TIER_SCORE, type ScoringModelDefinition } from "@/lib/priority-score";

// The priority score of lib/priority-score.ts written in SQL, so the ranked list is sorted by
// PostgreSQL (one pass over the scores, a window for the ranks) and never by Node.
// priority-sql.test.ts checks it against priorityScore() on many cases. Integer division of
// non-negative integers truncates, which is the floor that roundDiv() takes.

/** An integer of the model's arithmetic, written into the SQL (a parameter would arrive untyped). */
export const int = (n: number) => Prisma.raw(String(Math.trunc(n)));

/**
 * The mean of a criterion's scores in hundredths, rounded half up (criterionHundredths), from the
 * score sums `a` (`s` the sum, `c` the count per criterion) grouped by use case.
 */
export const criterionMeanSql = (key: string) =>
  Prisma.sql`max(CASE WHEN a.criterion = ${key} THEN (200 * a.s + a.c) / (2 * a.c) END)`;

/** The base EBITDA's band of `"UseCase" u` as a 1–5 value in hundredths (ebitdaBandScore), null without one. */
export function ebitdaBandSql(bands: string[]): Prisma.Sql {
  const steps = bands.map((band) => Prisma.sql`(u."ebitdaBase" >= ${band}::numeric)::int`);
  const reached = steps.length ? Prisma.join(steps, " + ") : Prisma.sql`0`;
  return Prisma.sql`CASE WHEN u."ebitdaBase" IS NULL THEN NULL ELSE 100 * (1 + ${reached}) END`;
}

/** A criterion's value in hundredths for `"UseCase" u` joined to the score sums `a` (grouped by u). */
function hundredthsSql(criterion: Criterion, bands: string[]): Prisma.Sql {
  if (criterion.derivedFrom === "EBITDA_BASE") return Prisma.sql`(${ebitdaBandSql(bands)})`;
  if (criterion.derivedFrom === "RISK_TIER") {
    const whens = Object.entries(RISK_TIER_SCORE).map(
      ([tier, score]) => Prisma.sql`WHEN ${tier} THEN ${int(score * 100)}`,
    );
    return Prisma.sql`(CASE u."riskTier"::text ${Prisma.join(whens, " ")} END)`;
  }
  return criterionMeanSql(criterion.key);
}

/** The score in tenths (an integer 0–1000) from the hundredths columns `h0..hn` of `model`. */
function tenthsSql(model: ScoringModelDefinition, column: (index: number) => Prisma.Sql): Prisma.Sql {
  if (model.formula === "RICE") {
    const at = (key: string) => column(model.criteria.findIndex((c) => c.key === key));
    const [r, i, c, e] = RICE_KEYS.map(at);
    return Prisma.sql`((2::bigint * ${r} * ${i} * ${c} + 1250 * ${e}) / (2500 * ${e}))`;
  }
  const counted = model.criteria.map((c, index) => ({ c, index })).filter(({ c }) => c.weight > 0);
  const totalWeight = counted.reduce((sum, { c }) => sum + c.weight, 0);
  if (totalWeight === 0) return Prisma.sql`NULL::bigint`;
  const terms = counted.map(({ c, index }) => {
    const value = c.inverted ? Prisma.sql`(600 - ${column(index)})` : column(index);
    return Prisma.sql`${int(c.weight)}::bigint * (coalesce(${value}, 100) - 100)`;
  });
  const anyScored = Prisma.join(
    counted.map(({ index }) => Prisma.sql`${column(index)} IS NOT NULL`),
    " OR ",
  );
  return Prisma.sql`(CASE WHEN ${anyScored} THEN (20 * (${Prisma.join(terms, " + ")}) + ${int(4 * totalWeight)}) / ${int(8 * totalWeight)} END)`;
}

/**
 * The scores of the use cases `u` matching `where` as rows `(id, number, tenths, previous)`: the
 * score in tenths under `current` and under `previous` (the model version before; null when
 * there is none), null when unscored. Only the scores of those use cases are read.
 */
export function priorityTenthsSql(
  current: ScoringModelDefinition,
  previous: ScoringModelDefinition | null,
  where: Prisma.Sql = Prisma.sql`TRUE`,
): Prisma.Sql {
  const models = previous ? [current, previous] : [current];
  const columns = models.flatMap((model, m) =>
    model.criteria.map(
      (criterion, i) => Prisma.sql`${hundredthsSql(criterion, model.ebitdaBands)} AS ${Prisma.raw(`h${m}_${i}`)}`,
    ),
  );
  const keys = [...new Set(models.flatMap((model) => model.criteria.filter((c) => !c.derivedFrom).map((c) => c.key)))];
  const col = (m: number) => (index: number) => Prisma.raw(`h.h${m}_${index}`);
  const tenthsPrevious = previous ? tenthsSql(previous, col(1)) : Prisma.sql`NULL::bigint`;
  return Prisma.sql`(
    SELECT h.id, h.number, t.tenths, t.previous
    FROM (
      SELECT u.id, u.number ${columns.length ? Prisma.sql`, ${Prisma.join(columns)}` : Prisma.empty}
      FROM "UseCase" u
      LEFT JOIN (
        SELECT s."useCaseId", s.criterion, sum(s.value)::int AS s, count(*)::int AS c
        FROM "UseCaseScore" s JOIN "UseCase" u ON u.id = s."useCaseId"
        WHERE s.criterion = ANY(${keys}::text[]) AND ${where}
        GROUP BY s."useCaseId", s.criterion
      ) a ON a."useCaseId" = u.id
      WHERE ${where}
      GROUP BY u.id
    ) h
    CROSS JOIN LATERAL (SELECT ${tenthsSql(current, col(0))} AS tenths, ${tenthsPrevious} AS previous) t
  )`;
}

/** The rank among the scored rows by `column` (high to low, then the key `number`), null when unscored. */
const rankSql = (column: Prisma.Sql, number: Prisma.Sql) =>
  Prisma.sql`CASE WHEN ${column} IS NOT NULL THEN row_number() OVER (PARTITION BY ${column} IS NULL ORDER BY ${column} DESC, ${number} ASC) END`;

/**
 * Every use case's priority computed from scratch as rows `("useCaseId", tenths, rank,
 * "previousRank")`: the reference that the stored scores are checked against (priority.test.ts).
 */
export function priorityRowsSql(current: ScoringModelDefinition, previous: ScoringModelDefinition | null): Prisma.Sql {
  return Prisma.sql`(
    SELECT r.id AS "useCaseId", r.tenths, ${rankSql(Prisma.sql`r.tenths`, Prisma.sql`r.number`)} AS rank,
      ${previous ? rankSql(Prisma.sql`r.previous`, Prisma.sql`r.number`) : Prisma.sql`NULL::bigint`} AS "previousRank"
    FROM ${priorityTenthsSql(current, previous)} r
  )`;
}

/**
 * The stored ranks (the table "PriorityRank", numbered by `RENUMBER_SQL`) as rows `("useCaseId",
 * tenths, rank, "previousRank")`: a page joins them by key.
 */
export const STORED_PRIORITY_ROWS_SQL = Prisma.sql`(SELECT r."useCaseId", r.tenths, r.rank, r."previousRank" FROM "PriorityRank" r)`;

/**
 * Number the ranked list again from the stored scores: one row per use case scored under the
 * current or the previous model, only the rows whose score or ranks moved written. Run by the
 * refresh that changed stored scores, in its transaction, so readers see scores and ranks of
 * the same moment.
 */
export const RENUMBER_SQL = Prisma.sql`
  WITH ranked AS (
    SELECT u.id, u."priorityTenths" AS tenths, ${rankSql(Prisma.sql`u."priorityTenths"`, Prisma.sql`u.number`)} AS rank,
      ${rankSql(Prisma.sql`u."previousPriorityTenths"`, Prisma.sql`u.number`)} AS "previousRank"
    FROM "UseCase" u WHERE u."priorityTenths" IS NOT NULL OR u."previousPriorityTenths" IS NOT NULL
  ),
  gone AS (DELETE FROM "PriorityRank" r WHERE NOT EXISTS (SELECT 1 FROM ranked k WHERE k.id = r."useCaseId"))
  INSERT INTO "PriorityRank" ("useCaseId", tenths, rank, "previousRank")
  SELECT k.id, k.tenths, k.rank, k."previousRank" FROM ranked k
  LEFT JOIN "PriorityRank" r ON r."useCaseId" = k.id
  WHERE r."useCaseId" IS NULL OR (r.tenths, r.rank, r."previousRank") IS DISTINCT FROM (k.tenths, k.rank, k."previousRank")
  ON CONFLICT ("useCaseId") DO UPDATE
    SET tenths = EXCLUDED.tenths, rank = EXCLUDED.rank, "previousRank" = EXCLUDED."previousRank"`;

/**
 * The use cases `"UseCase" u` matching `conditions` in the ranked list's order (stored score high
 * to low, then key; the unscored last, by key), `take` of them from `offset`, as a subquery `u`.
 * Written as two limited branches because `ORDER BY score DESC NULLS LAST` cannot walk the score
 * index (declared `DESC`, so nulls first): the scored branch walks it, the unscored one walks the
 * key, and only `take + offset` rows of each are sorted again.
 */
export function inPriorityOrderSql(conditions: Prisma.Sql, take: number, offset = 0): Prisma.Sql {
  const enough = take + offset;
  return Prisma.sql`(SELECT * FROM (
      (SELECT u.* FROM "UseCase" u WHERE ${conditions} AND u."priorityTenths" IS NOT NULL
        ORDER BY u."priorityTenths" DESC, u.number ASC LIMIT ${enough})
      UNION ALL
      (SELECT u.* FROM "UseCase" u WHERE ${conditions} AND u."priorityTenths" IS NULL
        ORDER BY u.number ASC LIMIT ${enough})
    ) u ORDER BY u."priorityTenths" DESC NULLS LAST, u.number ASC LIMIT ${take} OFFSET ${offset})`;
}

/**
 * `rows` (priority rows) joined to a page of `u` as `p`, looked up by key for the page's rows
 * only: `OFFSET 0` keeps the lookup per row (joined whole, the planner would hash every stored
 * rank for a page of 50).
 */
export const priorityOfPageSql = (rows: Prisma.Sql) =>
  Prisma.sql`LEFT JOIN LATERAL (SELECT * FROM ${rows} p WHERE p."useCaseId" = u.id OFFSET 0) p ON TRUE`;
