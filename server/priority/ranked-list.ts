import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { SnapshotModel, SnapshotRow } from "@/lib/funding-compare";
import { formatKey, type Stage, type UseCaseStatus } from "@/lib/lifecycle";
import { totalToMoney } from "@/lib/money";
import {
  type CriterionInput,
  criterionHundredths,
  derivedScore,
  priorityScore,
  type ScoringModelDefinition,
} from "@/lib/priority-score";
import type { RiskTier } from "@/lib/risk-screening";
import { db } from "../db";
import { currentAndPreviousModels } from "./model-versions";
import { refreshPriorities, staleSql } from "./priority-of";
import { STORED_PRIORITY_ROWS_SQL } from "./priority-sql";

// The whole ranked list as it stands, for a funding-round snapshot: every scored use case with its
// rank and score (the stored ones, priority-of.ts) and the value each criterion gave its total,
// computed as getScores() computes them (the mean of the scores, or the derived 1–5) from the
// score sums of the whole portfolio: one query, never one per use case.

type Row = {
  id: string;
  tenths: number;
  rank: number;
  number: number;
  title: string;
  stage: Stage;
  status: UseCaseStatus;
  ebitdaBase: string | null;
  currency: string;
  riskTier: RiskTier | null;
  /** criterion key -> [sum, count] of its scores. */
  sums: Record<string, [number, number]> | null;
  costToDate: string;
  stale: boolean;
};

const ATTEMPTS = 3;

/** The model as a snapshot keeps it: the criteria without their guidance. */
export const snapshotModel = (model: ScoringModelDefinition): SnapshotModel => ({
  formula: model.formula,
  criteria: model.criteria.map(({ key, label, weight, inverted, derivedFrom }) => ({
    key,
    label,
    weight,
    inverted,
    derivedFrom,
  })),
});

/**
 * The ranked list now, under the current model. A score written between the refresh and the read
 * leaves its use case stale (or its stored total off its criterion values): the list is read
 * again, so the values always add up to the totals beside them.
 */
export async function rankedListNow(): Promise<{ modelVersion: number; model: SnapshotModel; rows: SnapshotRow[] }> {
  let last: { modelVersion: number; model: SnapshotModel; rows: SnapshotRow[] } | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // The models read once: refreshed and checked under the same version.
    const models = await currentAndPreviousModels();
    const { current } = models;
    await refreshPriorities(models);
    const keys = current.criteria.filter((c) => !c.derivedFrom).map((c) => c.key);
    const version = current.version;
    const found = await db.$queryRaw<Row[]>(Prisma.sql`
      SELECT p."useCaseId" AS id, p.tenths::int AS tenths, p.rank::int AS rank, u.number, u.title,
        u.stage::text AS stage, u.status::text AS status, u."ebitdaBase"::text AS "ebitdaBase", u.currency,
        u."riskTier"::text AS "riskTier", sc.sums, coalesce(co.total, 0)::text AS "costToDate",
        EXISTS (SELECT 1 FROM "UseCase" u WHERE ${staleSql(version)}) AS stale
      FROM ${STORED_PRIORITY_ROWS_SQL} p
      JOIN "UseCase" u ON u.id = p."useCaseId"
      LEFT JOIN (
        SELECT g."useCaseId", json_object_agg(g.criterion, json_build_array(g.s, g.c)) AS sums
        FROM (
          SELECT s."useCaseId", s.criterion, sum(s.value)::int AS s, count(*)::int AS c
          FROM "UseCaseScore" s WHERE s.criterion = ANY(${keys}::text[])
          GROUP BY s."useCaseId", s.criterion
        ) g
        GROUP BY g."useCaseId"
      ) sc ON sc."useCaseId" = p."useCaseId"
      LEFT JOIN (SELECT t."useCaseId", sum(t.cost) AS total FROM "UseCaseYearTotal" t GROUP BY t."useCaseId") co
        ON co."useCaseId" = p."useCaseId"
      WHERE p.rank IS NOT NULL
      ORDER BY p.rank`);
    let consistent = !found.some((row) => row.stale);
    const rows = found.map((row): SnapshotRow => {
      const facts = {
        ebitdaBase: row.ebitdaBase == null ? null : totalToMoney(row.ebitdaBase),
        riskTier: row.riskTier,
      };
      const inputs: Record<string, CriterionInput> = {};
      const criteria: Record<string, number | null> = {};
      for (const criterion of current.criteria) {
        let input: CriterionInput;
        if (criterion.derivedFrom) {
          const derived = derivedScore(criterion, facts, current.ebitdaBands);
          input = derived == null ? null : { derived };
        } else {
          const [sum, count] = row.sums?.[criterion.key] ?? [0, 0];
          input = { sum, count };
        }
        inputs[criterion.key] = input;
        const hundredths = criterionHundredths(input);
        criteria[criterion.key] = hundredths == null ? null : hundredths / 100;
      }
      const score = row.tenths / 10;
      if (priorityScore(current, inputs) !== score) consistent = false;
      return {
        useCaseId: row.id,
        key: formatKey(row.number),
        title: row.title,
        stage: row.stage,
        status: row.status,
        rank: row.rank,
        priorityScore: score,
        criteria,
        ebitdaBase: facts.ebitdaBase,
        currency: row.currency,
        costToDate: totalToMoney(row.costToDate),
      };
    });
    last = { modelVersion: version, model: snapshotModel(current), rows };
    if (consistent) break;
  }
  return last as NonNullable<typeof last>;
}
