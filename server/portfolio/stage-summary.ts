import "server-only";
import { STAGES, type Stage } from "../../lib/lifecycle";
import type { Actor } from "../../lib/permissions";
import { can } from "../../lib/permissions";
import { db } from "../db";
import { forbidden } from "../errors";
import { getOrgSettings } from "../settings/org-settings";

export type StageSummary = { stage: Stage; count: number; active: number; ebitdaBase: string };

/** Use cases and base EBITDA per stage (the first slice of the portfolio dashboard). */
/**
 * Money is summed only over use cases in the organisation currency (there are no exchange
 * rates); `otherCurrencies` counts the use cases left out of the sums.
 */
export async function stageSummary(
  actor: Actor,
): Promise<{ stages: StageSummary[]; total: number; currency: string; otherCurrencies: number }> {
  if (!can(actor, "use-case:read")) throw forbidden();
  const { currency } = await getOrgSettings();
  const [all, active, sums, otherCurrencies] = await Promise.all([
    db.useCase.groupBy({ by: ["stage"], _count: { _all: true } }),
    db.useCase.groupBy({ by: ["stage"], where: { status: "ACTIVE" }, _count: { _all: true } }),
    db.useCase.groupBy({ by: ["stage"], where: { currency }, _sum: { ebitdaBase: true } }),
    db.useCase.count({ where: { currency: { not: currency }, ebitdaBase: { not: null } } }),
  ]);
  const stages = STAGES.map((stage) => {
    const row = all.find((r) => r.stage === stage);
    return {
      stage,
      count: row?._count._all ?? 0,
      active: active.find((r) => r.stage === stage)?._count._all ?? 0,
      ebitdaBase: sums.find((r) => r.stage === stage)?._sum.ebitdaBase?.toFixed(2) ?? "0.00",
    };
  });
  return { stages, total: stages.reduce((sum, s) => sum + s.count, 0), currency, otherCurrencies };
}
