import "server-only";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { formatKey, GATES, PASSING_DECISIONS, STAGES, STOP_REASONS, type Stage } from "@/lib/lifecycle";
import { fromCents, totalToCents, totalToMoney } from "@/lib/money";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import type { PortfolioSummaryResponse } from "../openapi/schemas/portfolio";
import { getOrgSettings } from "../settings/org-settings";
import { costSummary, monthsInProductionSql, realisedJoinSql } from "./cost-summary";
import { planSummary } from "./plan-summary";
import { filterSql, hasFilters, ofFilteredUseCases, parseFilters } from "./portfolio-filters";
import {
  type AreaRow,
  type DecidedRow,
  type StageStatusRow,
  storedDecidedReviews,
  storedStageStatus,
  storedValueByArea,
} from "./tallies";

type Money = string;

export type PortfolioSummary = z.infer<typeof PortfolioSummaryResponse>;

// A stage's base is a total: it may exceed one amount's 13 digits.
const weighted = (base: Money, percent: number) => fromCents((totalToCents(base) * BigInt(percent)) / 100n);

/**
 * The portfolio's figures, computed in PostgreSQL (aggregates, never every row in JS),
 * for the use cases matching the filters. Money is summed over the organisation currency.
 */
export async function portfolioSummary(actor: Actor, input: unknown = {}): Promise<PortfolioSummary> {
  requirePermission(actor, "use-case:read");
  const filters = parseFilters(input);
  const settings = await getOrgSettings();
  const { currency } = settings;
  const where = filterSql(filters);
  const reviewed = ofFilteredUseCases(filters, Prisma.sql`r."useCaseId"`);
  const year = `${new Date().getUTCFullYear()}-01`;
  // The whole portfolio's counts and money are kept by triggers (tallies.ts); a filtered one is aggregated.
  const whole = !hasFilters(filters);
  const costs = costSummary(where, currency, year);
  costs.catch(() => {}); // awaited below; this keeps a failure of the other queries from leaving it unhandled
  const plan = planSummary(where, currency, new Date().toISOString().slice(0, 10));
  plan.catch(() => {}); // likewise

  const [stageRows, gateRows, passRows, nowRows, areaRows, extras, productionRows] = await Promise.all([
    whole ? storedStageStatus(currency) : liveStageStatus(where, currency),
    whole ? storedDecidedReviews() : liveDecidedReviews(reviewed),
    // Each pass's days are stored on its review by the writing transaction (migration stored_days_to_pass).
    db.$queryRaw<{ stage: Stage; median: number | null }[]>(Prisma.sql`
      SELECT r."fromStage" AS stage, percentile_cont(0.5) WITHIN GROUP (ORDER BY r."daysToPass")::float8 AS median
      FROM "GateReview" r
      WHERE r."daysToPass" IS NOT NULL AND ${reviewed}
      GROUP BY 1`),
    db.$queryRaw<{ stage: Stage; median: number | null }[]>(Prisma.sql`
      SELECT u.stage, (date_part('epoch', now() AT TIME ZONE 'UTC') - percentile_cont(0.5) WITHIN GROUP (
          ORDER BY date_part('epoch', u."stageEnteredAt"))) / 86400 AS median
      FROM "UseCase" u WHERE u.status = 'ACTIVE' AND ${where}
      GROUP BY 1`),
    whole ? storedValueByArea(currency) : liveValueByArea(where, currency),
    db.$queryRaw<{ open: number; overdue: number }[]>(Prisma.sql`
      SELECT
        (SELECT count(*)::int FROM "GateReview" r WHERE r.status = 'OPEN' AND ${reviewed}) AS open,
        (SELECT count(*)::int FROM "GateCondition" c JOIN "GateReview" r ON r.id = c."reviewId"
          WHERE r.decision = 'CONDITIONAL_GO' AND c."closedAt" IS NULL AND c."dueOn" < current_date AND ${reviewed}) AS overdue`),
    db.$queryRaw<{ number: number; title: string; base: string; actual: string; months: number | null }[]>(Prisma.sql`
      SELECT u.number, u.title, u."ebitdaBase"::text AS base, r.actual::text AS actual, ${monthsInProductionSql}::int AS months
      FROM (
        SELECT u.* FROM "UseCase" u
        WHERE u.stage = 'PRODUCTION' AND u.currency = ${currency} AND u."ebitdaBase" IS NOT NULL AND ${where}
        ORDER BY u."ebitdaBase" DESC, u.number LIMIT 10
      ) u ${realisedJoinSql}
      ORDER BY u."ebitdaBase" DESC, u.number`),
  ]);

  const byStage = Object.fromEntries(
    STAGES.map((stage, index) => {
      const rows = stageRows.filter((row) => row.stage === stage);
      const active = rows.find((row) => row.status === "ACTIVE");
      const probability = settings.stageProbabilities[index] ?? 0;
      const base = totalToMoney(active?.base ?? null);
      return [
        stage,
        {
          count: rows.reduce((sum, row) => sum + row.n, 0),
          active: active?.n ?? 0,
          ebitdaBase: base,
          ebitdaLow: totalToMoney(active?.low ?? null),
          ebitdaHigh: totalToMoney(active?.high ?? null),
          probability,
          weighted: weighted(base, probability),
        },
      ];
    }),
  ) as PortfolioSummary["byStage"];
  const byStatus = { ACTIVE: 0, PAUSED: 0, STOPPED: 0 };
  for (const row of stageRows) byStatus[row.status as keyof typeof byStatus] += row.n;
  const funnel = STAGES.map((stage, index) => ({
    stage,
    reached: STAGES.slice(index).reduce((sum, s) => sum + byStage[s].count, 0),
  }));
  const conversion = GATES.map((gate) => {
    const rows = gateRows.filter((row) => row.from === gate.from);
    const count = (decisions: readonly string[]) =>
      rows.filter((r) => decisions.includes(r.decision)).reduce((s, r) => s + r.n, 0);
    const decided = rows.reduce((sum, row) => sum + row.n, 0);
    const go = count(PASSING_DECISIONS);
    return {
      gate: gate.id,
      from: gate.from,
      decided,
      go,
      stopped: count(["STOP"]),
      paused: count(["PAUSE"]),
      rate: decided === 0 ? null : Math.round((go / decided) * 1000) / 10,
    };
  });
  const totals = conversion.reduce(
    (sum, gate) => ({
      decided: sum.decided + gate.decided,
      go: sum.go + gate.go,
      stopped: sum.stopped + gate.stopped,
      paused: sum.paused + gate.paused,
    }),
    { decided: 0, go: 0, stopped: 0, paused: 0 },
  );
  const round = (days: number | null | undefined) => (days == null ? null : Math.round(days * 10) / 10);
  return {
    currency,
    filters,
    byStage,
    byStatus,
    funnel,
    weightedPipeline: fromCents(STAGES.reduce((sum, stage) => sum + totalToCents(byStage[stage].weighted), 0n)),
    gates: totals,
    conversion,
    stopReasons: STOP_REASONS.map((reason) => ({
      reason,
      count: gateRows.filter((r) => r.decision === "STOP" && r.reason === reason).reduce((s, r) => s + r.n, 0),
    })).filter((r) => r.count > 0),
    timeInStage: STAGES.map((stage) => ({
      stage,
      medianDaysToPass: round(passRows.find((r) => r.stage === stage)?.median),
      medianDaysNow: round(nowRows.find((r) => r.stage === stage)?.median),
    })),
    valueByArea: areaRows.map((row) => ({
      benefitArea: row.area ?? "UNSET",
      stage: row.stage,
      ebitdaBase: totalToMoney(row.base),
    })),
    openReviews: extras[0]?.open ?? 0,
    overdueConditions: extras[0]?.overdue ?? 0,
    otherCurrencies: stageRows.reduce((sum, row) => sum + row.other, 0),
    production: productionRows.map((row) => ({
      key: formatKey(row.number),
      title: row.title,
      actual: totalToMoney(row.actual),
      estimate: fromCents((totalToCents(row.base) * BigInt(Math.max(0, row.months ?? 0))) / 12n),
    })),
    plan: await plan,
    ...(await costs),
  };
}

/** Count and money per stage and status of the use cases matching `where`: what storedStageStatus keeps. */
function liveStageStatus(where: Prisma.Sql, currency: string): Promise<StageStatusRow[]> {
  return db.$queryRaw<StageStatusRow[]>(Prisma.sql`
    SELECT u.stage, u.status::text AS status, count(*)::int AS n,
      sum(u."ebitdaBase") FILTER (WHERE u.currency = ${currency})::text AS base,
      sum(u."ebitdaLow") FILTER (WHERE u.currency = ${currency})::text AS low,
      sum(u."ebitdaHigh") FILTER (WHERE u.currency = ${currency})::text AS high,
      (count(*) FILTER (WHERE u.currency <> ${currency} AND u."ebitdaBase" IS NOT NULL))::int AS other
    FROM "UseCase" u WHERE ${where}
    GROUP BY u.stage, u.status`);
}

/** Base EBITDA per benefit area and stage of the matching active use cases in `currency`: what storedValueByArea keeps. */
function liveValueByArea(where: Prisma.Sql, currency: string): Promise<AreaRow[]> {
  return db.$queryRaw<AreaRow[]>(Prisma.sql`
    SELECT u."benefitArea"::text AS area, u.stage, sum(u."ebitdaBase")::text AS base
    FROM "UseCase" u WHERE u.status = 'ACTIVE' AND u.currency = ${currency} AND ${where}
    GROUP BY 1, 2`);
}

/** Decided reviews per gate, decision and stop reason of `reviewed`: what storedDecidedReviews keeps. */
function liveDecidedReviews(reviewed: Prisma.Sql): Promise<DecidedRow[]> {
  return db.$queryRaw<DecidedRow[]>(Prisma.sql`
    SELECT r."fromStage" AS from, r.decision::text AS decision, r."stopReason" AS reason, count(*)::int AS n
    FROM "GateReview" r
    WHERE r.status = 'DECIDED' AND ${reviewed}
    GROUP BY 1, 2, 3`);
}
