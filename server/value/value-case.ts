import "server-only";
import { DECISION_LABELS, type Decision, gateOutOf, type Stage } from "@/lib/lifecycle";
import { type NetValue, netValue } from "@/lib/net-value";
import { type Actor, can } from "@/lib/permissions";
import { type Realised, realisedSeries } from "@/lib/value";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import type { EstimateSnapshot } from "../gates/estimate-snapshot";
import { getOrgSettings } from "../settings/org-settings";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type ActualDto, listActuals } from "./actuals";
import { type CostDto, listCosts } from "./costs";
import type { EstimateDto } from "./estimate-dto";
import { listEstimates } from "./estimates";

export type DriftPoint = { label: string; at: string; low: string; base: string; high: string };

export type ValueCase = {
  currency: string;
  /** The newest revision (with ROI and payback), or null when only the intake range exists. */
  current: EstimateDto | null;
  range: { low: string | null; base: string | null; high: string | null };
  revisions: EstimateDto[];
  /** The low-base-high band at each gate decision, then today. */
  drift: DriftPoint[];
  decisions: { gate: string; decision: Decision; label: string; decidedAt: string; rationale: string | null }[];
  realised: (Realised & { start: string; basis: string; actuals: ActualDto[] }) | null;
  canRevise: boolean;
  canRecordActual: boolean;
  /** Cost lines, oldest month first. */
  costs: CostDto[];
  /** Cost to date, net realised value, realised ROI and break-even (lib/net-value.ts). */
  net: NetValue;
  canRecordCost: boolean;
  /** The settings' people day rate, which prices FTE days; null until an admin sets it. */
  dayRate: { amount: string; currency: string } | null;
};

const money = (value: { toFixed(d: number): string } | null) => (value == null ? null : value.toFixed(2));

/** Everything the value section and the printable value case show. */
export async function getValueCase(actor: Actor, key: string): Promise<ValueCase> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const [revisions, reviews, actuals, costs, settings] = await Promise.all([
    listEstimates(actor, key),
    db.gateReview.findMany({
      where: { useCaseId: useCase.id, status: "DECIDED" },
      orderBy: { decidedAt: "asc" },
      select: { fromStage: true, decision: true, decidedAt: true, rationale: true, estimateSnapshot: true },
    }),
    listActuals(actor, key),
    listCosts(actor, key),
    getOrgSettings(),
  ]);
  const current = revisions[0] ?? null;
  const range = { low: money(useCase.ebitdaLow), base: money(useCase.ebitdaBase), high: money(useCase.ebitdaHigh) };
  const drift: DriftPoint[] = [];
  const decisions: ValueCase["decisions"] = [];
  let g3Base: string | null = null;
  for (const review of reviews) {
    const gate = gateOutOf(review.fromStage as Stage)?.id ?? "";
    if (review.decision && review.decidedAt) {
      decisions.push({
        gate,
        decision: review.decision,
        label: DECISION_LABELS[review.decision],
        decidedAt: review.decidedAt.toISOString(),
        rationale: review.rationale,
      });
    }
    const snapshot = review.estimateSnapshot as EstimateSnapshot | null;
    if (snapshot?.ebitda.base && snapshot.ebitda.low && snapshot.ebitda.high && review.decidedAt) {
      drift.push({
        label: gate,
        at: review.decidedAt.toISOString(),
        low: snapshot.ebitda.low,
        base: snapshot.ebitda.base,
        high: snapshot.ebitda.high,
      });
      if (gate === "G3" && (review.decision === "GO" || review.decision === "CONDITIONAL_GO"))
        g3Base = snapshot.ebitda.base;
    }
  }
  if (range.low && range.base && range.high)
    drift.push({ label: "Today", at: new Date().toISOString(), low: range.low, base: range.base, high: range.high });

  const inProduction = useCase.stage === "PRODUCTION";
  const basisBase = g3Base ?? range.base;
  const realised =
    (inProduction || actuals.length > 0) && basisBase
      ? {
          ...realisedSeries(actuals, basisBase, useCase.stageEnteredAt.toISOString().slice(0, 7)),
          start: useCase.stageEnteredAt.toISOString().slice(0, 7),
          basis: g3Base ? "the base estimate at the production gate (G3)" : "the current base estimate",
          actuals,
        }
      : null;
  return {
    currency: useCase.currency,
    current,
    range,
    revisions,
    drift,
    decisions,
    realised,
    canRevise: can(actor, "estimate:create", useCase),
    canRecordActual: inProduction && can(actor, "actual:create", useCase),
    costs,
    net: netValue({
      actuals,
      costs,
      start: inProduction ? useCase.stageEnteredAt.toISOString().slice(0, 7) : null,
      investment: current?.investment ?? null,
      estimatedPaybackMonths: current?.paybackMonths.base ?? null,
    }),
    canRecordCost: can(actor, "cost:create", useCase),
    dayRate: settings.peopleDayRate == null ? null : { amount: settings.peopleDayRate, currency: settings.currency },
  };
}
