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
 * The cost figures of the portfolio summary, in PostgreSQL. `where` is the filters' SQL on a
 * UseCase aliased `u`; `year` is this year's first month (YYYY-01).
 * The estimate to date of a use case is its base per year x the months from its first month in
 * production to its latest realised month / 12, rounded to the cent as lib/value.ts does.
 */
export async function costSummary(where: Prisma.Sql, currency: string, year: string): Promise<CostSummary> {
  const [totals, breakEven, leakage] = await Promise.all([
    db.$queryRaw<{ total: string | null; year: string | null; realised: string | null }[]>(Prisma.sql`
      SELECT
        (SELECT sum(c.amount)::text FROM "Cost" c JOIN "UseCase" u ON u.id = c."useCaseId"
          WHERE u.currency = ${currency} AND ${where}) AS total,
        (SELECT sum(c.amount)::text FROM "Cost" c JOIN "UseCase" u ON u.id = c."useCaseId"
          WHERE c.period >= ${year} AND u.currency = ${currency} AND ${where}) AS year,
        (SELECT sum(a.ebitda)::text FROM "Actual" a JOIN "UseCase" u ON u.id = a."useCaseId"
          WHERE a.period >= ${year} AND u.currency = ${currency} AND ${where}) AS realised`),
    db.$queryRaw<{ production: number; past: number }[]>(Prisma.sql`
      SELECT count(*)::int AS production,
        (count(*) FILTER (WHERE c.total > 0 AND coalesce(a.total, 0) - c.total >= 0))::int AS past
      FROM "UseCase" u
      LEFT JOIN LATERAL (SELECT sum(amount) AS total FROM "Cost" WHERE "useCaseId" = u.id) c ON TRUE
      LEFT JOIN LATERAL (SELECT sum(ebitda) AS total FROM "Actual" WHERE "useCaseId" = u.id) a ON TRUE
      WHERE u.stage = 'PRODUCTION' AND ${where}`),
    db.$queryRaw<{ number: number; title: string; actual: string; estimate: string; shortfall: string }[]>(Prisma.sql`
      WITH realised AS (
        SELECT u.number, u.title, sum(a.ebitda) AS actual,
          round(u."ebitdaBase" * ((extract(year FROM max(to_date(a.period, 'YYYY-MM'))) - extract(year FROM u."stageEnteredAt")) * 12
            + extract(month FROM max(to_date(a.period, 'YYYY-MM'))) - extract(month FROM u."stageEnteredAt") + 1) / 12, 2) AS estimate
        FROM "UseCase" u JOIN "Actual" a ON a."useCaseId" = u.id
        WHERE u.stage = 'PRODUCTION' AND u.currency = ${currency} AND u."ebitdaBase" IS NOT NULL AND ${where}
        GROUP BY u.id)
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
