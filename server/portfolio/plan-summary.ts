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
  // One pass over the planned use cases: each stage's target and entry day are columns of one row,
  // and its figures are aggregates filtered on them (a row per target, grouped by stage, cost twice as much).
  const columns = Prisma.join(
    PLANNED_STAGES.map(
      (stage) =>
        Prisma.sql`${TARGET_COLUMN[stage]} AS ${Prisma.raw(`"${stage}_target"`)}, ${enteredFromFirstPassesSql(stage)} AS ${Prisma.raw(`"${stage}_entered"`)}`,
    ),
    ", ",
  );
  const figures = Prisma.join(
    PLANNED_STAGES.map((stage) => {
      const target = Prisma.raw(`"${stage}_target"`);
      const entered = Prisma.raw(`"${stage}_entered"`);
      const late = Prisma.sql`CASE WHEN ${target} IS NULL THEN NULL WHEN ${entered} IS NOT NULL THEN greatest(0, ${entered} - ${target})
        WHEN ${target} < ${today}::date THEN ${today}::date - ${target} END`;
      return Prisma.sql`(count(*) FILTER (WHERE ${late} IS NOT NULL))::int AS ${Prisma.raw(`"${stage}_due"`)},
        (count(*) FILTER (WHERE ${entered} <= ${target}))::int AS ${Prisma.raw(`"${stage}_on_time"`)},
        sum(${late})::int AS ${Prisma.raw(`"${stage}_late"`)}`;
    }),
    ", ",
  );
  const [figureRows, quarterRows] = await Promise.all([
    db.$queryRaw<Record<string, number | null>[]>(Prisma.sql`
      SELECT ${figures} FROM (
        SELECT ${columns}
        FROM "UseCase" u JOIN "UseCasePlan" p ON p."useCaseId" = u.id
        LEFT JOIN ${FIRST_PASSES_SQL} e ON e."useCaseId" = u.id
        WHERE u.status <> 'STOPPED' AND ${where}) t`),
    db.$queryRaw<{ n: number; base: string | null }[]>(Prisma.sql`
      SELECT count(*)::int AS n, sum(u."ebitdaBase") FILTER (WHERE u.currency = ${currency})::text AS base
      FROM "UseCasePlan" p JOIN "UseCase" u ON u.id = p."useCaseId"
      WHERE p."productionOn" BETWEEN ${quarter.first}::date AND ${quarter.last}::date
        AND u.status <> 'STOPPED' AND ${where}`),
  ]);
  const figuresOf = figureRows[0] ?? {};
  const lateOf = (stage: PlannedStage) => figuresOf[`${stage}_late`] ?? 0;
  const onTime = PLANNED_STAGES.map((stage) => {
    const due = figuresOf[`${stage}_due`] ?? 0;
    const good = figuresOf[`${stage}_on_time`] ?? 0;
    return {
      gate: GATE_INTO[stage],
      stage,
      due,
      onTime: good,
      rate: due === 0 ? null : round((good / due) * 100),
      averageDaysLate: due === 0 ? null : round(lateOf(stage) / due),
    };
  });
  const due = onTime.reduce((sum, gate) => sum + gate.due, 0);
  const late = PLANNED_STAGES.reduce((sum, stage) => sum + lateOf(stage), 0);
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
