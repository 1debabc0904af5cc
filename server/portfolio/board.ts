import "server-only";
import { evaluateCriteria, formatKey, type GateFacts, gateOutOf, STAGES, type Stage } from "../../lib/lifecycle";
import { type Actor, can } from "../../lib/permissions";
import type { PortfolioFilters } from "../../lib/validation/portfolio";
import { type DueStatus, dueStatus } from "../../lib/working-days";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { loadGateFactsOf } from "../gates/load-gate-facts";
import { getHolidays } from "../gates/review-calendar";
import { filterWhere } from "./portfolio-filters";

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
};

const PER_COLUMN = 50;

/** The kanban: non-stopped use cases per stage (the 50 most recently changed of each). */
export async function boardColumns(
  actor: Actor,
  filters: PortfolioFilters,
): Promise<{ stage: Stage; total: number; cards: BoardCard[] }[]> {
  requirePermission(actor, "use-case:read");
  const where = { ...filterWhere(filters), status: { not: "STOPPED" as const } };
  const holidays = await getHolidays();
  const now = new Date();
  return Promise.all(
    STAGES.map(async (stage) => {
      const [rows, total] = await Promise.all([
        db.useCase.findMany({
          where: { ...where, stage },
          include: {
            owner: { select: { name: true } },
            gateReviews: { where: { status: "OPEN" }, select: { id: true, dueAt: true } },
          },
          orderBy: { updatedAt: "desc" },
          take: PER_COLUMN,
        }),
        db.useCase.count({ where: { ...where, stage } }),
      ]);
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
}
