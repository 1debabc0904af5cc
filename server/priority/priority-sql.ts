import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { type Criterion, RICE_KEYS, RISK_TIER_SCORE, type ScoringModelDefinition } from "../../lib/priority-score";

// The priority score of lib/priority-score.ts written in SQL, so the ranked list is sorted by
// PostgreSQL (one pass over the scores, a window for the ranks) and never by Node.
// priority-sql.test.ts checks it against priorityScore() on many cases. Integer division of
// non-negative integers truncates, which is the floor that roundDiv() takes.

/** An integer of the model's arithmetic, written into the SQL (a parameter would arrive untyped). */
const int = (n: number) => Prisma.raw(String(Math.trunc(n)));

/** A criterion's value in hundredths for `"UseCase" u` joined to the score sums `a` (grouped by u). */
function hundredthsSql(criterion: Criterion, bands: string[]): Prisma.Sql {
  if (criterion.derivedFrom === "EBITDA_BASE") {
    const steps = bands.map((band) => Prisma.sql`(u."ebitdaBase" >= ${band}::numeric)::int`);
    return Prisma.sql`(100 * (1 + ${Prisma.join(steps, " + ")}))`;
  }
  if (criterion.derivedFrom === "RISK_TIER") {
    const whens = Object.entries(RISK_TIER_SCORE).map(
      ([tier, score]) => Prisma.sql`WHEN ${tier} THEN ${int(score * 100)}`,
    );
    return Prisma.sql`(CASE u."riskTier"::text ${Prisma.join(whens, " ")} END)`;
  }
  return Prisma.sql`max(CASE WHEN a.criterion = ${criterion.key} THEN (200 * a.s + a.c) / (2 * a.c) END)`;
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
 * Every use case's priority as rows `("useCaseId", tenths, rank, "previousRank")`: the score in
 * tenths under `current`, its rank among the scored use cases (score high to low, then key),
 * and its rank under `previous` (the model version before), null when unscored or no previous.
 */
export function priorityRowsSql(current: ScoringModelDefinition, previous: ScoringModelDefinition | null): Prisma.Sql {
  const models = previous ? [current, previous] : [current];
  const columns = models.flatMap((model, m) =>
    model.criteria.map(
      (criterion, i) => Prisma.sql`${hundredthsSql(criterion, model.ebitdaBands)} AS ${Prisma.raw(`h${m}_${i}`)}`,
    ),
  );
  const keys = [...new Set(models.flatMap((model) => model.criteria.filter((c) => !c.derivedFrom).map((c) => c.key)))];
  const col = (m: number) => (index: number) => Prisma.raw(`h.h${m}_${index}`);
  const rankOf = (tenths: Prisma.Sql) =>
    Prisma.sql`CASE WHEN ${tenths} IS NOT NULL THEN row_number() OVER (PARTITION BY ${tenths} IS NULL ORDER BY ${tenths} DESC, h.number ASC) END`;
  const tenthsCurrent = tenthsSql(current, col(0));
  const tenthsPrevious = previous ? tenthsSql(previous, col(1)) : Prisma.sql`NULL::bigint`;
  return Prisma.sql`(
    SELECT h.id AS "useCaseId", t.tenths, ${rankOf(Prisma.sql`t.tenths`)} AS rank,
      ${previous ? rankOf(Prisma.sql`t.previous`) : Prisma.sql`NULL::bigint`} AS "previousRank"
    FROM (
      SELECT u.id, u.number ${columns.length ? Prisma.sql`, ${Prisma.join(columns)}` : Prisma.empty}
      FROM "UseCase" u
      LEFT JOIN (
        SELECT "useCaseId", criterion, sum(value)::int AS s, count(*)::int AS c FROM "UseCaseScore"
        WHERE criterion = ANY(${keys}::text[]) GROUP BY "useCaseId", criterion
      ) a ON a."useCaseId" = u.id
      GROUP BY u.id
    ) h
    CROSS JOIN LATERAL (SELECT ${tenthsCurrent} AS tenths, ${tenthsPrevious} AS previous) t
  )`;
}
