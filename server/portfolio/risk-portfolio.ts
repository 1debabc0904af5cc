import "server-only";
import { formatKey, type Stage } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { riskScore } from "@/lib/risk-register";
import type { RiskTier } from "@/lib/risk-screening";
import { HeatMapCellSchema } from "@/lib/validation/risk-register";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { parseInput } from "../http/parse-input";

export type HeatMapCell = { likelihood: number; impact: number; count: number };

export type PortfolioRisk = {
  id: string;
  title: string;
  likelihood: number;
  impact: number;
  score: number;
  mitigation: string;
  useCase: { key: string; title: string; riskTier: RiskTier | null; stage: Stage };
};

export type RiskPortfolio = {
  /** Open risks per cell, every cell of the 5 × 5 grid (0 included). */
  cells: HeatMapCell[];
  openRisks: number;
  /** Use cases and their open risks per tier (null: not screened), in tier order. */
  byTier: { tier: RiskTier | null; useCases: number; openRisks: number }[];
  /** Open risks per stage of their use case. */
  byStage: { stage: Stage; useCases: number; openRisks: number }[];
  /** The open risks of the chosen cell, or the highest-scoring ones when none is chosen. */
  cell: { likelihood: number; impact: number } | null;
  risks: PortfolioRisk[];
};

const LIST_LIMIT = 50;
const TIER_ORDER: (RiskTier | null)[] = ["UNACCEPTABLE", "HIGH", "LIMITED", "MINIMAL", null];
const STAGE_ORDER: Stage[] = ["POC", "PROTOTYPE", "PACKAGING", "PRODUCTION"];

/**
 * The portfolio's risk picture: a heat map of open risks by likelihood and impact, the counts
 * per tier and per stage, and the open risks of one cell. Four grouped queries, whatever the
 * portfolio's size (indexed: UseCaseRisk(status, likelihood, impact), UseCase(riskTier)).
 */
export async function getRiskPortfolio(
  actor: Actor,
  query: Record<string, string | undefined>,
): Promise<RiskPortfolio> {
  requirePermission(actor, "use-case:read");
  const filter = parseInput(HeatMapCellSchema, {
    likelihood: query.likelihood || undefined,
    impact: query.impact || undefined,
  });
  const cell =
    filter.likelihood !== undefined && filter.impact !== undefined
      ? { likelihood: filter.likelihood, impact: filter.impact }
      : null;
  const [grid, perTierStage, useCasesPerTier, useCasesPerStage, list] = await Promise.all([
    db.useCaseRisk.groupBy({ by: ["likelihood", "impact"], where: { status: "OPEN" }, _count: { _all: true } }),
    db.$queryRaw<{ tier: RiskTier | null; stage: Stage; risks: bigint }[]>`
      SELECT u."riskTier" AS tier, u.stage AS stage, count(*) AS risks
      FROM "UseCaseRisk" r JOIN "UseCase" u ON u.id = r."useCaseId"
      WHERE r.status = 'OPEN'
      GROUP BY u."riskTier", u.stage`,
    db.useCase.groupBy({ by: ["riskTier"], _count: { _all: true } }),
    db.useCase.groupBy({ by: ["stage"], _count: { _all: true } }),
    db.$queryRaw<
      {
        id: string;
        title: string;
        likelihood: number;
        impact: number;
        mitigation: string;
        number: number;
        useCaseTitle: string;
        riskTier: RiskTier | null;
        stage: Stage;
      }[]
    >`
      WITH top AS (
        SELECT r.id, r.title, r.likelihood, r.impact, r.mitigation, r."useCaseId", r."createdAt"
        FROM "UseCaseRisk" r
        WHERE r.status = 'OPEN'
          AND (${cell?.likelihood ?? null}::int IS NULL OR r.likelihood = ${cell?.likelihood ?? null}::int)
          AND (${cell?.impact ?? null}::int IS NULL OR r.impact = ${cell?.impact ?? null}::int)
        ORDER BY r.likelihood * r.impact DESC, r."createdAt" ASC, r.id
        LIMIT ${LIST_LIMIT}
      )
      -- The 50 risks first, then their use cases by primary key: never a scan of every use case.
      SELECT top.id, top.title, top.likelihood, top.impact, top.mitigation, u.number,
             u.title AS "useCaseTitle", u."riskTier", u.stage
      FROM top JOIN "UseCase" u ON u.id = top."useCaseId"
      ORDER BY top.likelihood * top.impact DESC, top."createdAt" ASC, top.id`,
  ]);
  const count = (l: number, i: number) => grid.find((g) => g.likelihood === l && g.impact === i)?._count._all ?? 0;
  const cells: HeatMapCell[] = [];
  for (let impact = 5; impact >= 1; impact--)
    for (let likelihood = 1; likelihood <= 5; likelihood++)
      cells.push({ likelihood, impact, count: count(likelihood, impact) });
  const risksWhere = (match: (row: (typeof perTierStage)[number]) => boolean) =>
    perTierStage.filter(match).reduce((sum, row) => sum + Number(row.risks), 0);
  return {
    cells,
    openRisks: cells.reduce((sum, c) => sum + c.count, 0),
    byTier: TIER_ORDER.map((tier) => ({
      tier,
      useCases: useCasesPerTier.find((row) => row.riskTier === tier)?._count._all ?? 0,
      openRisks: risksWhere((row) => row.tier === tier),
    })),
    byStage: STAGE_ORDER.map((stage) => ({
      stage,
      useCases: useCasesPerStage.find((row) => row.stage === stage)?._count._all ?? 0,
      openRisks: risksWhere((row) => row.stage === stage),
    })),
    cell,
    risks: list.map((row) => ({
      id: row.id,
      title: row.title,
      likelihood: row.likelihood,
      impact: row.impact,
      score: riskScore(row),
      mitigation: row.mitigation,
      useCase: { key: formatKey(row.number), title: row.useCaseTitle, riskTier: row.riskTier, stage: row.stage },
    })),
  };
}
