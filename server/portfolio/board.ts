import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { evaluateCriteria, formatKey, type GateFacts, gateOutOf, STAGES, type Stage } from "@/lib/lifecycle";
import { type Actor, can } from "@/lib/permissions";
import type { PortfolioFilters } from "@/lib/validation/portfolio";
import { type DueStatus, dueStatus } from "@/lib/working-days";
import { requirePermission } from "../auth/require-permission";
import { db, readRows } from "../db";
import { loadGateFactsOf } from "../gates/load-gate-facts";
import { getHolidays } from "../gates/review-calendar";
import { type Priority, priorityRows } from "../priority/priority-of";
import { inPriorityOrderSql, priorityOfPageSql } from "../priority/priority-sql";
import { filterSql, filterWhere } from "./portfolio-filters";

export type BoardCard = {
  key: string;
  title: string;
  status: string;
  owner: string;
  ebitda: { low: string | null; base: string | null; high: string | null; currency: string };
  daysInStage: number;
  /** The gate the card's action requests, when the actor may request it now. */
  requestable: string | null;
  /** The open review's gate and how its deadline reads; null when no review is open. */
  review: { gate: string; due: DueStatus | null } | null;
} & Priority;

export const BOARD_SORTS = ["updated", "priority"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

const PER_COLUMN = 50;

type RankRow = { id: string; stage?: Stage; tenths: number | null; rank: number | null; previousRank: number | null };

const toPriority = (row: RankRow | undefined): Priority => ({
  priorityScore: row?.tenths == null ? null : row.tenths / 10,
  rank: row?.rank ?? null,
  previousRank: row?.previousRank ?? null,
});

/**
 * The ranked backlog: the first `PER_COLUMN` non-stopped use cases of each stage in the order of
 * the use-case list's `?sort=priority` (rank, unscored last by key), with their priority. One
 * query: per stage, the ranked list's two limited branches (`inPriorityOrderSql`, on the index
 * by stage and score), then the priority rows of those cards by key.
 */
async function rankedPerStage(filters: PortfolioFilters): Promise<RankRow[]> {
  const rows = await priorityRows();
  const conditions = Prisma.sql`u.stage = st.stage AND ${filterSql(filters)} AND u.status <> 'STOPPED'::"UseCaseStatus"`;
  return readRows<RankRow>(Prisma.sql`
    SELECT u.id, u.stage::text AS stage, p.tenths::int AS tenths, p.rank::int AS rank, p."previousRank"::int AS "previousRank"
    FROM unnest(${[...STAGES]}::"Stage"[]) st(stage)
    CROSS JOIN LATERAL ${inPriorityOrderSql(conditions, PER_COLUMN)} u
    ${priorityOfPageSql(rows)}
    ORDER BY st.stage, u."priorityTenths" DESC NULLS LAST, u.number ASC`);
}

/** The priority of the cards shown (sorted by update), in one query. */
async function prioritiesOf(ids: string[]): Promise<RankRow[]> {
  if (ids.length === 0) return [];
  return readRows<RankRow>(Prisma.sql`
    SELECT p."useCaseId" AS id, p.tenths::int AS tenths, p.rank::int AS rank, p."previousRank"::int AS "previousRank"
    FROM ${await priorityRows()} p WHERE p."useCaseId" = ANY(${ids}::text[])`);
}

/**
 * The kanban: non-stopped use cases per stage, the 50 most recently changed of each, or with
 * `sort: "priority"` the 50 best ranked of each (the ranked backlog); each card with its rank.
 */
export async function boardColumns(
  actor: Actor,
  filters: PortfolioFilters,
  sort: BoardSort = "updated",
): Promise<{ stage: Stage; total: number; cards: BoardCard[] }[]> {
  requirePermission(actor, "use-case:read");
  const where = { ...filterWhere(filters), status: { not: "STOPPED" as const } };
  const holidays = await getHolidays();
  const now = new Date();
  const ranked = sort === "priority" ? await rankedPerStage(filters) : null;
  const columns = await Promise.all(
    STAGES.map(async (stage) => {
      const rankedIds = ranked?.filter((r) => r.stage === stage).map((r) => r.id);
      const [found, total] = await Promise.all([
        db.useCase.findMany({
          where: rankedIds ? { id: { in: rankedIds } } : { ...where, stage },
          include: {
            owner: { select: { name: true } },
            gateReviews: { where: { status: "OPEN" }, select: { id: true, dueAt: true } },
          },
          orderBy: { updatedAt: "desc" },
          // Ranked: the ids are the column's first PER_COLUMN already.
          take: PER_COLUMN,
        }),
        db.useCase.count({ where: { ...where, stage } }),
      ]);
      const rows = rankedIds ? rankedIds.flatMap((id) => found.filter((row) => row.id === id)) : found;
      const gate = gateOutOf(stage);
      // The facts of the cards that could show "request gate", in one batch.
      const candidates = gate
        ? rows.filter((row) => row.gateReviews.length === 0 && can(actor, "gate:request", row))
        : [];
      const facts = await loadGateFactsOf(candidates);
      const cards = rows.map((row) => {
        let requestable: string | null = null;
        const at = candidates.indexOf(row);
        if (gate && at >= 0) {
          const unmet = evaluateCriteria(gate, facts[at] as GateFacts).filter((c) => !c.met);
          if (unmet.length === 0) requestable = gate.id;
        }
        return {
          id: row.id,
          key: formatKey(row.number),
          title: row.title,
          status: row.status,
          owner: row.owner.name,
          ebitda: {
            low: row.ebitdaLow?.toFixed(2) ?? null,
            base: row.ebitdaBase?.toFixed(2) ?? null,
            high: row.ebitdaHigh?.toFixed(2) ?? null,
            currency: row.currency,
          },
          daysInStage: Math.floor((Date.now() - row.stageEnteredAt.getTime()) / 86_400_000),
          requestable,
          review: row.gateReviews[0]
            ? {
                gate: gate?.id ?? "",
                due: row.gateReviews[0].dueAt ? dueStatus(row.gateReviews[0].dueAt, now, holidays) : null,
              }
            : null,
        };
      });
      return { stage, total, cards };
    }),
  );
  const priorities = new Map(
    (ranked ?? (await prioritiesOf(columns.flatMap((c) => c.cards.map((card) => card.id))))).map((r) => [r.id, r]),
  );
  return columns.map(({ stage, total, cards }) => ({
    stage,
    total,
    cards: cards.map(({ id, ...card }) => ({ ...card, ...toPriority(priorities.get(id)) })),
  }));
}
