import "server-only";
import type { GateFacts, Stage } from "../../lib/lifecycle";
import type { Tx } from "../db";
import { db } from "../db";
import { asAnswers } from "../risk/assessment-dto";

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
  // One connection runs a transaction's queries one at a time; the pool can run them side by side.
  const all = client === db ? inParallel : sequentially;
  const [checklist, signOffs, feedbackCount, revisions, productionServices, risk] = await all([
    () =>
      client.checklistItem.groupBy({
        by: ["stage", "status"],
        where: { useCaseId: useCase.id, stage: { in: ["PROTOTYPE", "PACKAGING"] } },
        _count: { _all: true },
      }),
    () =>
      client.checklistSignOff.findMany({ where: { useCaseId: useCase.id, voidedAt: null }, select: { stage: true } }),
    () => client.feedback.count({ where: { useCaseId: useCase.id } }),
    () => client.estimateRevision.groupBy({ by: ["stage"], where: { useCaseId: useCase.id }, _count: { _all: true } }),
    () => client.service.count({ where: { useCaseId: useCase.id, environment: "PRODUCTION" } }),
    () =>
      client.useCase.findUnique({
        where: { id: useCase.id },
        select: { riskTier: true, assessment: { select: { status: true, answers: true } } },
      }),
  ]);
  const checklistOf = (stage: "PROTOTYPE" | "PACKAGING") => {
    const rows = checklist.filter((row) => row.stage === stage);
    const total = rows.reduce((sum, row) => sum + row._count._all, 0);
    const closed = rows
      .filter((row) => row.status === "DONE" || row.status === "NOT_APPLICABLE")
      .reduce((sum, row) => sum + row._count._all, 0);
    return { total, open: total - closed, signedOff: signOffs.some((s) => s.stage === stage) };
  };
  const estimateRevisions: Partial<Record<Stage, number>> = {};
  for (const row of revisions) estimateRevisions[row.stage] = row._count._all;
  return {
    useCase: {
      output: useCase.output,
      outcome: useCase.outcome,
      pocResult: useCase.pocResult,
      benefitArea: useCase.benefitArea,
      ebitdaBase: useCase.ebitdaBase == null ? null : useCase.ebitdaBase.toFixed(2),
    },
    checklist: { PROTOTYPE: checklistOf("PROTOTYPE"), PACKAGING: checklistOf("PACKAGING") },
    feedbackCount,
    estimateRevisions,
    productionServices,
    risk: {
      tier: risk?.riskTier ?? null,
      status: risk?.assessment?.status ?? null,
      transparencyNotice: filledText(asAnswers(risk?.assessment?.answers).transparencyNotice),
    },
  };
}

const filledText = (value: unknown) => typeof value === "string" && value.trim().length > 0;
