// The roadmap's timeline as data: the window a zoom shows, its ticks, and each use case's bars
// (the stages it went through, its plan, its slippage) as positions in that window. Pure, so the
// page renders it on the server and the tests check it without a browser.
import { STAGES, type Stage } from "./lifecycle";
import {
  dayMs,
  dayOf,
  daysBetween,
  daysLate,
  PLAN_FIELDS,
  PLANNED_STAGES,
  type PlannedStage,
  type PlanTargets,
} from "./plan";

export const ZOOMS = ["quarter", "month"] as const;
export type Zoom = (typeof ZOOMS)[number];
export const GROUPINGS = ["team", "area"] as const;
export type Grouping = (typeof GROUPINGS)[number];

const monthStart = (year: number, month: number) => dayOf(Date.UTC(year, month, 1));

/**
 * The days a zoom shows around today, and its ticks: by quarter, the quarter a year back to the
 * one a year ahead (8 quarters); by month, 4 months back to 7 ahead (12 months).
 */
export function timelineWindow(
  zoom: Zoom,
  today: string,
): { from: string; to: string; ticks: { day: string; label: string }[] } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  const [first, count, step] = zoom === "quarter" ? [Math.floor(month / 3) * 3 - 12, 8, 3] : [month - 4, 12, 1];
  const ticks = Array.from({ length: count }, (_, i) => {
    const day = monthStart(year, first + i * step);
    const m = Number(day.slice(5, 7));
    const label = zoom === "quarter" ? `Q${Math.ceil(m / 3)} ${day.slice(0, 4)}` : `${day.slice(0, 7)}`;
    return { day, label };
  });
  return { from: ticks[0]?.day ?? today, to: monthStart(year, first + count * step), ticks };
}

/** Where a day falls in the window, in percent of its width, clamped to [0, 100]. */
export function position(day: string, window: { from: string; to: string }): number {
  const width = dayMs(window.to) - dayMs(window.from);
  return Math.min(100, Math.max(0, ((dayMs(day) - dayMs(window.from)) / width) * 100));
}

export type RoadmapUseCase = {
  key: string;
  title: string;
  stage: Stage;
  /** The day it entered each stage (null: not yet). */
  entered: Record<Stage, string | null>;
  targets: PlanTargets;
};

export type StageSpan = { stage: Stage; from: string; to: string; current: boolean };
export type Slip = { stage: PlannedStage; target: string; until: string; days: number };

/** The stages it went through, each from its entry to the next one's (the current one to today). */
export function stageSpans(row: RoadmapUseCase, today: string): StageSpan[] {
  const spans: StageSpan[] = [];
  const reached = STAGES.filter((stage) => row.entered[stage] !== null);
  for (const [i, stage] of reached.entries()) {
    const from = row.entered[stage] as string;
    const next = reached[i + 1];
    const current = stage === row.stage;
    const to = next ? (row.entered[next] as string) : current ? today : from;
    spans.push({ stage, from, to: daysBetween(from, to) < 0 ? from : to, current });
  }
  return spans;
}

/** Each stage that is late against its target: from the target to its entry (or today), with the days. */
export function slips(row: RoadmapUseCase, today: string): Slip[] {
  return PLANNED_STAGES.flatMap((stage) => {
    const target = row.targets[PLAN_FIELDS[stage]];
    const entered = row.entered[stage];
    const days = daysLate(target, entered, today);
    return target && days ? [{ stage, target, until: entered ?? today, days }] : [];
  });
}
