import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { type BenefitArea, formatKey, type Stage, type UseCaseStatus } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import {
  MATRIX_MIDPOINT,
  type MatrixAxes,
  type MatrixPoint,
  matrixAxes,
  QUADRANTS,
  type Quadrant,
} from "@/lib/priority-matrix";
import { type PriorityMatrixQuery, PriorityMatrixQuerySchema } from "@/lib/validation/priority-matrix";
import { requirePermission } from "../auth/require-permission";
import { readRows } from "../db";
import { parseInput } from "../http/parse-input";
import { listConditionsSql } from "../use-cases/list-sql";
import { currentAndPreviousModels } from "./model-versions";
import { criterionMeanSql, ebitdaBandSql, int } from "./priority-sql";

/** The most bubbles drawn (and rows listed): the most valuable first; the counts cover them all. */
export const MATRIX_LIMIT = 200;

export type PriorityMatrix = {
  axes: MatrixAxes;
  modelVersion: number;
  /** Use cases matching the filters (the quadrant aside), placed or not. */
  considered: number;
  /** Placed use cases per quadrant (the quadrant filter aside). */
  counts: Record<Quadrant, number>;
  /** Use cases with both a value and an effort. */
  placed: number;
  /** The placed use cases of the chosen quadrant (or of all), most valuable first, at most `limit`. */
  points: MatrixPoint[];
  limit: number;
};

type Row = {
  considered: number;
  counts: Partial<Record<Quadrant, number>>;
  points: {
    number: number;
    title: string;
    stage: Stage;
    status: UseCaseStatus;
    benefitArea: BenefitArea | null;
    low: string | null;
    base: string | null;
    high: string | null;
    currency: string;
    rangeWidth: string | null;
    value: number;
    fromScores: boolean;
    effort: number;
    quadrant: Quadrant;
  }[];
};

/**
 * The priority matrix (every signed-in role reads it, as the dashboard): each use case matching
 * the filters with its value and effort on the current scoring model's 1–5 scale
 * (lib/priority-matrix.ts says which criteria), its quadrant, and the counts per quadrant. One
 * query: the scores of the two criteria are summed per use case in one hash aggregate, the
 * quadrants counted and the shown points chosen by PostgreSQL. Stopped use cases are left out
 * unless the status filter asks for them.
 */
export async function priorityMatrix(actor: Actor, input: unknown = {}): Promise<PriorityMatrix> {
  requirePermission(actor, "use-case:read");
  const { quadrant, ...filters }: PriorityMatrixQuery = parseInput(PriorityMatrixQuerySchema, input ?? {});
  const { current: model } = await currentAndPreviousModels();
  const axes = matrixAxes(model);
  const keys = [axes.value?.key, axes.effort?.key].filter((key): key is string => Boolean(key));
  const scored = axes.value ? criterionMeanSql(axes.value.key) : Prisma.sql`NULL::int`;
  const effort = axes.effort
    ? axes.effort.inverted
      ? Prisma.sql`(600 - ${criterionMeanSql(axes.effort.key)})`
      : criterionMeanSql(axes.effort.key)
    : Prisma.sql`NULL::int`;
  const middle = int(MATRIX_MIDPOINT);
  const conditions = Prisma.sql`${listConditionsSql(filters)} ${
    filters.status ? Prisma.empty : Prisma.sql`AND u.status <> 'STOPPED'::"UseCaseStatus"`
  }`;
  const [row] = await readRows<Row>(Prisma.sql`
    WITH m AS (
      SELECT u.number, u.title, u.stage::text AS stage, u.status::text AS status, u."benefitArea"::text AS "benefitArea",
        u."ebitdaLow"::text AS low, u."ebitdaBase"::text AS base, u."ebitdaHigh"::text AS high, u.currency,
        (u."ebitdaHigh" - u."ebitdaLow")::text AS "rangeWidth",
        ${scored} AS scored, ${ebitdaBandSql(model.ebitdaBands)} AS band, ${effort} AS effort
      FROM "UseCase" u
      LEFT JOIN (
        SELECT "useCaseId", criterion, sum(value)::int AS s, count(*)::int AS c FROM "UseCaseScore"
        WHERE criterion = ANY(${keys}::text[]) GROUP BY "useCaseId", criterion
      ) a ON a."useCaseId" = u.id
      WHERE ${conditions}
      GROUP BY u.id
    ), placed AS (
      SELECT m.*, coalesce(m.scored, m.band) AS value,
        CASE WHEN coalesce(m.scored, m.band) > ${middle}
          THEN CASE WHEN m.effort > ${middle} THEN 'big-bets' ELSE 'quick-wins' END
          ELSE CASE WHEN m.effort > ${middle} THEN 'money-pits' ELSE 'fill-ins' END
        END AS quadrant
      FROM m WHERE m.effort IS NOT NULL AND coalesce(m.scored, m.band) IS NOT NULL
    )
    SELECT
      (SELECT count(*)::int FROM m) AS considered,
      (SELECT coalesce(json_object_agg(c.quadrant, c.n), '{}'::json)
        FROM (SELECT quadrant, count(*)::int AS n FROM placed GROUP BY quadrant) c) AS counts,
      (SELECT coalesce(json_agg(r ORDER BY r.value DESC, r.effort ASC, r.number ASC), '[]'::json) FROM (
        SELECT number, title, stage, status, "benefitArea", low, base, high, currency, "rangeWidth", value,
          scored IS NOT NULL AS "fromScores", effort, quadrant
        FROM placed ${quadrant ? Prisma.sql`WHERE quadrant = ${quadrant}` : Prisma.empty}
        ORDER BY value DESC, effort ASC, number ASC LIMIT ${MATRIX_LIMIT}
      ) r) AS points`);
  const counts = Object.fromEntries(QUADRANTS.map((q) => [q, row?.counts[q] ?? 0])) as Record<Quadrant, number>;
  return {
    axes,
    modelVersion: model.version,
    considered: row?.considered ?? 0,
    counts,
    placed: QUADRANTS.reduce((sum, q) => sum + counts[q], 0),
    points: (row?.points ?? []).map((p) => ({
      key: formatKey(p.number),
      number: p.number,
      title: p.title,
      stage: p.stage,
      status: p.status,
      benefitArea: p.benefitArea,
      ebitda: { low: p.low, base: p.base, high: p.high, currency: p.currency },
      rangeWidth: p.rangeWidth,
      value: p.value / 100,
      valueFrom: p.fromScores ? "scores" : "ebitda",
      effort: p.effort / 100,
      quadrant: p.quadrant,
    })),
    limit: MATRIX_LIMIT,
  };
}
