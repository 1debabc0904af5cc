import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { totalToMoney } from "@/lib/money";
import { GATE_INTO, PLANNED_STAGES, type PlannedStage, quarterOf } from "@/lib/plan";
import { db } from "../db";
import { enteredFromFirstPassesSql, FIRST_PASSES_SQL } from "../plans/stage-entries";

type Money = string;

export type PlanSummary = {
  /** Per gate, over the targets of its stage that came due (reached, or their day passed). */
  onTime: {
    gate: "G1" | "G2" | "G3";
    stage: PlannedStage;
    due: number;
    onTime: number;
    /** Percent reached by their day, one decimal; null when none came due. */
    rate: number | null;
    averageDaysLate: number | null;
  }[];
  /** Mean days late over every due target (on time counts 0), one decimal; null when none came due. */
  averageSlippageDays: number | null;
  /** Use cases planned to enter production this calendar quarter (UTC), reached or not; base EBITDA in the organisation currency. */
  productionThisQuarter: { from: string; to: string; count: number; ebitdaBase: Money };
};

/** The stage's target column of UseCasePlan `p`. */
const TARGET_COLUMN: Record<PlannedStage, Prisma.Sql> = {
  PROTOTYPE: Prisma.sql`p."prototypeOn"`,
  PACKAGING: Prisma.sql`p."packagingOn"`,
  PRODUCTION: Prisma.sql`p."productionOn"`,
};
const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The plan figures of the portfolio summary, in PostgreSQL, over the use cases matching `where`
 * (SQL on UseCase `u`) that are not stopped. The same arithmetic as lib/plan.ts: a target is due
 * once reached or once its day has passed; days late are the days after it (0 when on time).
 */
export async function planSummary(where: Prisma.Sql, currency: string, today: string): Promise<PlanSummary> {
  const quarter = quarterOf(today);
  const targets = Prisma.join(
    PLANNED_STAGES.map((stage) => Prisma.sql`(${stage}, ${TARGET_COLUMN[stage]}, ${enteredFromFirstPassesSql(stage)})`),
    ", ",
  );
  const [stageRows, quarterRows] = await Promise.all([
    db.$queryRaw<{ stage: PlannedStage; due: number; on_time: number; late: number | null }[]>(Prisma.sql`
      WITH t AS (
        SELECT s.stage, s.target, s.entered,
          CASE WHEN s.entered IS NOT NULL THEN greatest(0, s.entered - s.target)
               WHEN s.target < ${today}::date THEN ${today}::date - s.target END AS late
        FROM "UseCase" u JOIN "UseCasePlan" p ON p."useCaseId" = u.id
        LEFT JOIN ${FIRST_PASSES_SQL} e ON e."useCaseId" = u.id
        CROSS JOIN LATERAL (VALUES ${targets}) AS s(stage, target, entered)
        WHERE s.target IS NOT NULL AND u.status <> 'STOPPED' AND ${where})
      SELECT stage, (count(*) FILTER (WHERE late IS NOT NULL))::int AS due,
        (count(*) FILTER (WHERE entered IS NOT NULL AND entered <= target))::int AS on_time,
        sum(late)::int AS late
      FROM t GROUP BY stage`),
    db.$queryRaw<{ n: number; base: string | null }[]>(Prisma.sql`
      SELECT count(*)::int AS n, sum(u."ebitdaBase") FILTER (WHERE u.currency = ${currency})::text AS base
      FROM "UseCasePlan" p JOIN "UseCase" u ON u.id = p."useCaseId"
      WHERE p."productionOn" BETWEEN ${quarter.first}::date AND ${quarter.last}::date
        AND u.status <> 'STOPPED' AND ${where}`),
  ]);
  const onTime = PLANNED_STAGES.map((stage) => {
    const row = stageRows.find((r) => r.stage === stage);
    const due = row?.due ?? 0;
    return {
      gate: GATE_INTO[stage],
      stage,
      due,
      onTime: row?.on_time ?? 0,
      rate: due === 0 ? null : round(((row?.on_time ?? 0) / due) * 100),
      averageDaysLate: due === 0 ? null : round((row?.late ?? 0) / due),
    };
  });
  const due = onTime.reduce((sum, gate) => sum + gate.due, 0);
  const late = stageRows.reduce((sum, row) => sum + (row.late ?? 0), 0);
  return {
    onTime,
    averageSlippageDays: due === 0 ? null : round(late / due),
    productionThisQuarter: {
      from: quarter.first,
      to: quarter.last,
      count: quarterRows[0]?.n ?? 0,
      ebitdaBase: totalToMoney(quarterRows[0]?.base ?? null),
    },
  };
}
