import "server-only";
import type { GateFacts, Stage } from "@/lib/lifecycle";
import { MODEL_CARD_FIELD_IDS, missingHighRiskFields } from "@/lib/model-card";
import { riskScore, SEVERE_SCORE } from "@/lib/risk-register";
import type { Tx } from "../db";
import { db } from "../db";
import { asAnswers } from "../risk/assessment-dto";

const modelCardSelect = Object.fromEntries(MODEL_CARD_FIELD_IDS.map((id) => [id, true])) as Record<
  (typeof MODEL_CARD_FIELD_IDS)[number],
  true
>;

type UseCaseFields = {
  id: string;
  output: string;
  outcome: string;
  pocResult: string;
  benefitArea: GateFacts["useCase"]["benefitArea"];
  ebitdaBase: { toFixed(digits: number): string } | null;
};

type Results<T extends readonly (() => Promise<unknown>)[] | []> = {
  -readonly [K in keyof T]: Awaited<ReturnType<T[K]>>;
};

function inParallel<T extends readonly (() => Promise<unknown>)[] | []>(tasks: T): Promise<Results<T>> {
  return Promise.all(tasks.map((task) => task())) as never;
}

async function sequentially<T extends readonly (() => Promise<unknown>)[] | []>(tasks: T): Promise<Results<T>> {
  const results: unknown[] = [];
  for (const task of tasks) results.push(await task());
  return results as never;
}

/** Everything the gates' entry criteria are computed from (lib/lifecycle.ts GATES). */
export async function loadGateFacts(useCase: UseCaseFields, client: Tx | typeof db = db): Promise<GateFacts> {
  return (await loadGateFactsOf([useCase], client))[0] as GateFacts;
}

/**
 * The gate facts of many use cases in six queries whatever their number (the review inbox, the
 * board, the dashboard's lists), in the order given.
 */
export async function loadGateFactsOf(
  useCases: readonly UseCaseFields[],
  client: Tx | typeof db = db,
): Promise<GateFacts[]> {
  if (useCases.length === 0) return [];
  const ids = [...new Set(useCases.map((useCase) => useCase.id))];
  // One connection runs a transaction's queries one at a time; the pool can run them side by side.
  const all = client === db ? inParallel : sequentially;
  const [checklist, signOffs, feedback, revisions, productionServices, risks] = await all([
    () =>
      client.checklistItem.groupBy({
        by: ["useCaseId", "stage", "status"],
        where: { useCaseId: { in: ids }, stage: { in: ["PROTOTYPE", "PACKAGING"] } },
        _count: { _all: true },
      }),
    () =>
      client.checklistSignOff.findMany({
        where: { useCaseId: { in: ids }, voidedAt: null },
        select: { useCaseId: true, stage: true },
      }),
    () => client.feedback.groupBy({ by: ["useCaseId"], where: { useCaseId: { in: ids } }, _count: { _all: true } }),
    () =>
      client.estimateRevision.groupBy({
        by: ["useCaseId", "stage"],
        where: { useCaseId: { in: ids } },
        _count: { _all: true },
      }),
    () =>
      client.service.groupBy({
        by: ["useCaseId"],
        where: { useCaseId: { in: ids }, environment: "PRODUCTION" },
        _count: { _all: true },
      }),
    () =>
      client.useCase.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          riskTier: true,
          assessment: { select: { status: true, answers: true } },
          modelCard: { select: modelCardSelect },
          risks: { where: { status: "OPEN", mitigation: "" }, select: { likelihood: true, impact: true } },
        },
      }),
  ]);
  const checklistBy = byUseCase(checklist);
  const signOffsBy = byUseCase(signOffs);
  const revisionsBy = byUseCase(revisions);
  const feedbackCount = countBy(feedback);
  const productionCount = countBy(productionServices);
  const riskBy = new Map(risks.map((row) => [row.id, row]));
  return useCases.map((useCase) => {
    const checklistOf = (stage: "PROTOTYPE" | "PACKAGING") => {
      const rows = checklistBy(useCase.id).filter((row) => row.stage === stage);
      const total = rows.reduce((sum, row) => sum + row._count._all, 0);
      const closed = rows
        .filter((row) => row.status === "DONE" || row.status === "NOT_APPLICABLE")
        .reduce((sum, row) => sum + row._count._all, 0);
      return {
        total,
        open: total - closed,
        signedOff: signOffsBy(useCase.id).some((s) => s.stage === stage),
      };
    };
    const estimateRevisions: Partial<Record<Stage, number>> = {};
    for (const row of revisionsBy(useCase.id)) estimateRevisions[row.stage] = row._count._all;
    const risk = riskBy.get(useCase.id);
    return {
      useCase: {
        output: useCase.output,
        outcome: useCase.outcome,
        pocResult: useCase.pocResult,
        benefitArea: useCase.benefitArea,
        ebitdaBase: useCase.ebitdaBase == null ? null : useCase.ebitdaBase.toFixed(2),
      },
      checklist: { PROTOTYPE: checklistOf("PROTOTYPE"), PACKAGING: checklistOf("PACKAGING") },
      feedbackCount: feedbackCount(useCase.id),
      estimateRevisions,
      productionServices: productionCount(useCase.id),
      risk: {
        tier: risk?.riskTier ?? null,
        status: risk?.assessment?.status ?? null,
        transparencyNotice: filledText(asAnswers(risk?.assessment?.answers).transparencyNotice),
        modelCardMissing: missingHighRiskFields(risk?.modelCard),
        unmitigatedSevere: (risk?.risks ?? []).filter((r) => riskScore(r) >= SEVERE_SCORE).length,
      },
    };
  });
}

/** The rows of each use case, looked up by its id: one pass over the rows, not one per use case. */
function byUseCase<T extends { useCaseId: string }>(rows: readonly T[]): (id: string) => readonly T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.useCaseId);
    if (group) group.push(row);
    else groups.set(row.useCaseId, [row]);
  }
  return (id) => groups.get(id) ?? [];
}

/** A grouped count per use case (one row each), looked up by its id; 0 for none. */
function countBy(rows: readonly { useCaseId: string; _count: { _all: number } }[]): (id: string) => number {
  const counts = new Map(rows.map((row) => [row.useCaseId, row._count._all]));
  return (id) => counts.get(id) ?? 0;
}

const filledText = (value: unknown) => typeof value === "string" && value.trim().length > 0;
