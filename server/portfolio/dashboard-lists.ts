import "server-only";
import {
  decidersFor,
  evaluateCriteria,
  formatKey,
  type GateDefinition,
  type GateFacts,
  gateOutOf,
  ROLE_LABELS,
  type Stage,
} from "@/lib/lifecycle";
import { fromCents, toCents } from "@/lib/money";
import type { Actor } from "@/lib/permissions";
import type { PortfolioFilters } from "@/lib/validation/portfolio";
import { type DueStatus, dueStatus } from "@/lib/working-days";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import type { EstimateSnapshot } from "../gates/estimate-snapshot";
import { loadGateFactsOf } from "../gates/load-gate-facts";
import { getHolidays } from "../gates/review-calendar";
import { getOrgSettings } from "../settings/org-settings";
import { filterWhere } from "./portfolio-filters";

const LIMIT = 10;
const DAY = 86_400_000;
const ref = (u: { number: number; title: string }) => ({ key: formatKey(u.number), title: u.title });

export type DashboardLists = {
  reviewsWaiting: {
    id: string;
    key: string;
    title: string;
    gate: string;
    requestedAt: string;
    awaiting: string;
    /** "due in N working days" / "overdue by N working days"; null without a deadline. */
    due: DueStatus | null;
  }[];
  conditionsDue: {
    id: string;
    key: string;
    title: string;
    text: string;
    owner: string;
    dueOn: string;
    overdue: boolean;
  }[];
  stalled: { key: string; title: string; stage: Stage; days: number }[];
  servicesDown: { id: string; key: string; title: string; name: string; reason: string | null }[];
  /** Models whose `@champion` points to a version no gate approved. */
  modelsDrifted: { id: string; key: string; title: string; model: string; version: string; since: string }[];
  stalledDays: number;
};

/** The dashboard's lists: what waits, what is due, what stalls, what is down, what drifted (top 10 each). */
export async function dashboardLists(actor: Actor, filters: PortfolioFilters): Promise<DashboardLists> {
  requirePermission(actor, "use-case:read");
  const { stalledDays } = await getOrgSettings();
  const useCase = filterWhere(filters);
  const now = Date.now();
  const soon = new Date(now + 7 * DAY);
  const [reviews, conditions, stalled, down, drifted, holidays] = await Promise.all([
    db.gateReview.findMany({
      where: { status: "OPEN", useCase },
      include: {
        useCase: { select: { number: true, title: true, riskTier: true } },
        votes: { select: { role: true } },
      },
      orderBy: { requestedAt: "asc" },
      take: LIMIT,
    }),
    db.gateCondition.findMany({
      where: { closedAt: null, dueOn: { lte: soon }, review: { decision: "CONDITIONAL_GO", useCase } },
      include: {
        owner: { select: { name: true } },
        review: { select: { useCase: { select: { number: true, title: true } } } },
      },
      orderBy: { dueOn: "asc" },
      take: LIMIT,
    }),
    db.useCase.findMany({
      where: { ...useCase, status: "ACTIVE", updatedAt: { lt: new Date(now - stalledDays * DAY) } },
      select: { number: true, title: true, stage: true, updatedAt: true },
      orderBy: { updatedAt: "asc" },
      take: LIMIT,
    }),
    db.service.findMany({
      where: { healthStatus: "DOWN", useCase },
      include: { useCase: { select: { number: true, title: true } } },
      orderBy: { checkedAt: "desc" },
      take: LIMIT,
    }),
    db.modelLink.findMany({
      where: { driftSince: { not: null }, useCase },
      include: { useCase: { select: { number: true, title: true } } },
      orderBy: { driftSince: "desc" },
      take: LIMIT,
    }),
    getHolidays(),
  ]);
  const today = new Date(now).toISOString().slice(0, 10);
  return {
    reviewsWaiting: reviews.map((r) => {
      const gate = gateOutOf(r.fromStage);
      const voted = new Set(r.votes.map((v) => v.role));
      return {
        id: r.id,
        ...ref(r.useCase),
        gate: gate?.id ?? "",
        requestedAt: r.requestedAt.toISOString(),
        awaiting: (gate ? decidersFor(gate, r.useCase.riskTier) : [])
          .filter((role) => !voted.has(role))
          .map((role) => ROLE_LABELS[role])
          .join(" and "),
        due: r.dueAt ? dueStatus(r.dueAt, new Date(now), holidays) : null,
      };
    }),
    conditionsDue: conditions.map((c) => {
      const dueOn = c.dueOn.toISOString().slice(0, 10);
      return { id: c.id, ...ref(c.review.useCase), text: c.text, owner: c.owner.name, dueOn, overdue: dueOn < today };
    }),
    stalled: stalled.map((u) => ({ ...ref(u), stage: u.stage, days: Math.floor((now - u.updatedAt.getTime()) / DAY) })),
    servicesDown: down.map((s) => ({ id: s.id, ...ref(s.useCase), name: s.name, reason: s.healthReason })),
    modelsDrifted: drifted.map((m) => ({
      id: m.id,
      ...ref(m.useCase),
      model: m.modelName,
      version: m.driftVersion ?? "",
      since: m.driftSince?.toISOString() ?? "",
    })),
    stalledDays,
  };
}

export type MyUseCase = {
  key: string;
  title: string;
  stage: Stage;
  status: string;
  /**
   * The gate out of its stage and where it stands: its review is open, criteria still block it
   * (`blockers`), or it is ready to be requested. Null in production, the last stage.
   */
  next: { gate: GateDefinition["id"]; state: "open" | "blocked" | "ready" } | null;
  blockers: string[];
};

/** The data scientist's view: their use cases and what blocks each one's next gate. */
export async function myUseCases(actor: Actor, filters: PortfolioFilters): Promise<MyUseCase[]> {
  requirePermission(actor, "use-case:read");
  const rows = await db.useCase.findMany({
    where: { ...filterWhere(filters), ownerId: actor.id, status: { not: "STOPPED" } },
    orderBy: { updatedAt: "desc" },
    take: 25,
    include: { gateReviews: { where: { status: "OPEN" }, select: { id: true }, take: 1 } },
  });
  const facts = await loadGateFactsOf(rows);
  return rows.map((row, i) => {
    const gate = gateOutOf(row.stage);
    const open = row.gateReviews.length > 0;
    const blockers =
      gate && !open
        ? evaluateCriteria(gate, facts[i] as GateFacts)
            .filter((c) => !c.met)
            .map((c) => c.message)
        : [];
    return {
      ...ref(row),
      stage: row.stage,
      status: row.status,
      next: gate ? { gate: gate.id, state: open ? "open" : blockers.length > 0 ? "blocked" : "ready" } : null,
      blockers,
    };
  });
}

export type Mover = { key: string; title: string; from: string; to: string; change: string; currency: string };

/** The business view's biggest movers: the largest change of base EBITDA since the last gate decision. */
export async function biggestMovers(actor: Actor, filters: PortfolioFilters): Promise<Mover[]> {
  requirePermission(actor, "use-case:read");
  const rows = await db.useCase.findMany({
    where: {
      ...filterWhere(filters),
      status: "ACTIVE",
      ebitdaBase: { not: null },
      gateReviews: { some: { status: "DECIDED" } },
    },
    select: {
      number: true,
      title: true,
      ebitdaBase: true,
      currency: true,
      gateReviews: {
        where: { status: "DECIDED" },
        orderBy: { decidedAt: "desc" },
        take: 1,
        select: { estimateSnapshot: true },
      },
    },
    take: 500,
  });
  return rows
    .flatMap((row) => {
      const from = (row.gateReviews[0]?.estimateSnapshot as EstimateSnapshot | null)?.ebitda.base;
      const to = row.ebitdaBase?.toFixed(2);
      if (!from || !to) return [];
      const change = toCents(to) - toCents(from);
      return change === 0n
        ? []
        : [
            {
              ...ref(row),
              from,
              to,
              change: fromCents(change),
              currency: row.currency,
              abs: change < 0n ? -change : change,
            },
          ];
    })
    .sort((a, b) => (b.abs > a.abs ? 1 : b.abs < a.abs ? -1 : 0))
    .slice(0, 5)
    .map(({ abs: _abs, ...mover }) => mover);
}
