import "server-only";
import type { z } from "zod";
import type { Tx } from "../db";
import type { EstimateSnapshotResponse } from "../openapi/schemas/gates";

type Decimalish = { toFixed(digits: number): string } | null;
const money = (value: Decimalish) => (value == null ? null : value.toFixed(2));

export type EstimateSnapshot = z.infer<typeof EstimateSnapshotResponse>;

/** The value estimate as it stands now: the newest revision when there is one, else the use case's range. */
export async function takeEstimateSnapshot(
  tx: Tx,
  useCase: { id: string; ebitdaLow: Decimalish; ebitdaBase: Decimalish; ebitdaHigh: Decimalish; currency: string },
): Promise<EstimateSnapshot> {
  const revision = await tx.estimateRevision.findFirst({
    where: { useCaseId: useCase.id },
    orderBy: { createdAt: "desc" },
  });
  if (revision) {
    return {
      takenAt: new Date().toISOString(),
      ebitda: {
        low: money(revision.ebitdaLow),
        base: money(revision.ebitdaBase),
        high: money(revision.ebitdaHigh),
        currency: revision.currency,
      },
      revision: {
        id: revision.id,
        investment: revision.investment.toFixed(2),
        runCostPerYear: revision.runCostPerYear.toFixed(2),
        horizonYears: revision.horizonYears,
        confidence: revision.confidence,
        createdAt: revision.createdAt.toISOString(),
      },
    };
  }
  return {
    takenAt: new Date().toISOString(),
    ebitda: {
      low: money(useCase.ebitdaLow),
      base: money(useCase.ebitdaBase),
      high: money(useCase.ebitdaHigh),
      currency: useCase.currency,
    },
    revision: null,
  };
}
