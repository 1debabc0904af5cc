import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { formatKey } from "@/lib/lifecycle";
import { fromCents, totalToCents, totalToMoney } from "@/lib/money";
import { db } from "../db";

type Money = string;

export type CostSummary = {
  /** Every cost recorded on the use cases matching the filters (organisation currency). */
  costToDate: Money;
  /** Realised EBITDA of this calendar year's months (organisation currency). */
  realisedThisYear: Money;
  /** Realised EBITDA minus costs of this calendar year's months (organisation currency). */
  netRealisedThisYear: Money;
  /** Use cases in production; those whose recorded costs their realised EBITDA has covered. */
  breakEven: { production: number; past: number; percent: number | null };
  /** The biggest shortfalls of realised against estimated (production, organisation currency). */
  valueLeakage: { key: string; title: string; actual: Money; estimate: Money; shortfall: Money }[];
};

/**
 * The realised EBITDA to date `r.actual` of each `"UseCase" u` (its yearly totals) and its latest
 * realised month `r.last` (null without one: the index on Actual, read backwards), for a few use
 * cases (a page of them); `OFFSET 0` keeps the planner from copying the subqueries into every
 * expression that uses them.
 */
export const realisedJoinSql = Prisma.sql`CROSS JOIN LATERAL (
    SELECT (SELECT max(a.period) FROM "Actual" a WHERE a."useCaseId" = u.id) AS last,
      coalesce((SELECT sum(t.realised) FROM "UseCaseYearTotal" t WHERE t."useCaseId" = u.id), 0) AS actual
    OFFSET 0
  ) r`;

/** The months from `u`'s first month in production to its latest realised month `r.last` (both counted). */
export const monthsInProductionSql = Prisma.sql`((extract(year FROM to_date(r.last, 'YYYY-MM')) - extract(year FROM u."stageEnteredAt")) * 12
  + extract(month FROM to_date(r.last, 'YYYY-MM')) - extract(month FROM u."stageEnteredAt") + 1)`;

/**
 * The cost figures of the portfolio summary, in PostgreSQL. `where` is the filters' SQL on a
 * UseCase aliased `u`; `year` is this year's first month (YYYY-01).
 * The estimate to date of a use case is its base per year x the months from its first month in
 * production to its latest realised month / 12, rounded to the cent as lib/value.ts does.
 */
export async function costSummary(where: Prisma.Sql, currency: string, year: string): Promise<CostSummary> {
  // The money per use case and year is kept by triggers (UseCaseYearTotal, decision 0005): the
  // totals and the break-even add a few rows per use case, never every monthly line. The leakage
  // needs each production use case's latest month too: one pass over Actual, grouped.
  const fromYear = Number(year.slice(0, 4));
  const [totals, breakEven, leakage] = await Promise.all([
    db.$queryRaw<{ total: string | null; year: string | null; realised: string | null }[]>(Prisma.sql`
      SELECT sum(t.cost)::text AS total, sum(t.cost) FILTER (WHERE t.year >= ${fromYear})::text AS year,
        sum(t.realised) FILTER (WHERE t.year >= ${fromYear})::text AS realised
      FROM "UseCaseYearTotal" t JOIN "UseCase" u ON u.id = t."useCaseId"
      WHERE u.currency = ${currency} AND ${where}`),
    db.$queryRaw<{ production: number; past: number }[]>(Prisma.sql`
      SELECT count(*)::int AS production,
        (count(*) FILTER (WHERE m.cost > 0 AND m.realised - m.cost >= 0))::int AS past
      FROM "UseCase" u
      LEFT JOIN LATERAL (
        SELECT sum(t.cost) AS cost, sum(t.realised) AS realised FROM "UseCaseYearTotal" t WHERE t."useCaseId" = u.id
      ) m ON TRUE
      WHERE u.stage = 'PRODUCTION' AND ${where}`),
    db.$queryRaw<{ number: number; title: string; actual: string; estimate: string; shortfall: string }[]>(Prisma.sql`
      WITH realised AS (
        SELECT u.number, u.title, r.actual, round(u."ebitdaBase" * ${monthsInProductionSql} / 12, 2) AS estimate
        FROM "UseCase" u
        JOIN (SELECT a."useCaseId", sum(a.ebitda) AS actual, max(a.period) AS last FROM "Actual" a GROUP BY 1) r
          ON r."useCaseId" = u.id
        WHERE u.stage = 'PRODUCTION' AND u.currency = ${currency} AND u."ebitdaBase" IS NOT NULL AND ${where})
      SELECT number, title, actual::text, greatest(estimate, 0)::text AS estimate,
        (greatest(estimate, 0) - actual)::text AS shortfall
      FROM realised WHERE greatest(estimate, 0) - actual > 0
      ORDER BY greatest(estimate, 0) - actual DESC, number LIMIT 5`),
  ]);
  const costThisYear = totalToCents(totalToMoney(totals[0]?.year ?? null));
  const row = breakEven[0] ?? { production: 0, past: 0 };
  const realised = totalToMoney(totals[0]?.realised ?? null);
  const realisedCents = totalToCents(realised);
  return {
    costToDate: totalToMoney(totals[0]?.total ?? null),
    realisedThisYear: realised,
    netRealisedThisYear: fromCents(realisedCents - costThisYear),
    breakEven: {
      production: row.production,
      past: row.past,
      percent: row.production === 0 ? null : Math.round((row.past / row.production) * 1000) / 10,
    },
    valueLeakage: leakage.map((item) => ({
      key: formatKey(item.number),
      title: item.title,
      actual: totalToMoney(item.actual),
      estimate: totalToMoney(item.estimate),
      shortfall: totalToMoney(item.shortfall),
    })),
  };
}
