import "server-only";
import { formatKey } from "@/lib/lifecycle";
import {
  dayOf,
  daysLate,
  PLAN_FIELDS,
  PLANNED_STAGES,
  type PlanField,
  type PlannedStage,
  type PlanTargets,
} from "@/lib/plan";
import { db, type Tx } from "../db";
import { stageEntries } from "./stage-entries";

type Person = { id: string; name: string };

export type PlanDto = {
  useCaseKey: string;
  /** The plan's version, sent back with an edit; 0 while the use case has no plan. */
  version: number;
  updatedAt: string | null;
  /** The target day ("YYYY-MM-DD") of each later stage, or null. */
  targets: PlanTargets;
  /** Each later stage: its target, the day it was entered (null: not yet), and the days late (null: not due). */
  stages: { stage: PlannedStage; target: string | null; entered: string | null; daysLate: number | null }[];
  /** Every save, newest first: who, when, and each target it changed (old and new). */
  history: { at: string; author: Person; changes: { field: PlanField; from: string | null; to: string | null }[] }[];
};

type Row = { prototypeOn: Date | null; packagingOn: Date | null; productionOn: Date | null };
const day = (value: Date | null) => (value ? dayOf(value) : null);
export const targetsOf = (row: Row | null): PlanTargets => ({
  prototype: day(row?.prototypeOn ?? null),
  packaging: day(row?.packagingOn ?? null),
  production: day(row?.productionOn ?? null),
});

/** The plan of one use case, as the API and the page show it. */
export async function toPlanDto(
  useCase: { id: string; number: number },
  client: Tx | typeof db = db,
  today = dayOf(new Date()),
): Promise<PlanDto> {
  const [plan, revisions, entries] = await Promise.all([
    client.useCasePlan.findUnique({ where: { useCaseId: useCase.id } }),
    client.planRevision.findMany({
      where: { useCaseId: useCase.id },
      include: { author: { select: { id: true, name: true } } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    }),
    stageEntries(useCase.id, client),
  ]);
  const targets = targetsOf(plan);
  let previous = targetsOf(null);
  const history: PlanDto["history"] = [];
  for (const revision of revisions) {
    const next = targetsOf(revision);
    const changes = Object.values(PLAN_FIELDS)
      .filter((field) => previous[field] !== next[field])
      .map((field) => ({ field, from: previous[field], to: next[field] }));
    history.unshift({ at: revision.at.toISOString(), author: revision.author, changes });
    previous = next;
  }
  return {
    useCaseKey: formatKey(useCase.number),
    version: plan?.version ?? 0,
    updatedAt: plan?.updatedAt.toISOString() ?? null,
    targets,
    stages: PLANNED_STAGES.map((stage) => {
      const target = targets[PLAN_FIELDS[stage]];
      const entered = entries[stage];
      return { stage, target, entered, daysLate: daysLate(target, entered, today) };
    }),
    history,
  };
}
