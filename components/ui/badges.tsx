import { STAGE_LABELS, STATUS_LABELS, type Stage, type UseCaseStatus } from "@/lib/lifecycle";

// One colour per stage and status, used everywhere they appear.
const STAGE_COLORS: Record<Stage, string> = {
  POC: "bg-violet-100 text-violet-800 ring-violet-200",
  PROTOTYPE: "bg-sky-100 text-sky-800 ring-sky-200",
  PACKAGING: "bg-amber-100 text-amber-800 ring-amber-200",
  PRODUCTION: "bg-emerald-100 text-emerald-800 ring-emerald-200",
};

const STATUS_COLORS: Record<UseCaseStatus, string> = {
  ACTIVE: "bg-green-50 text-green-700 ring-green-200",
  PAUSED: "bg-amber-50 text-amber-700 ring-amber-200",
  STOPPED: "bg-rose-50 text-rose-700 ring-rose-200",
};

const BASE =
  "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap";

export function StageBadge({ stage }: { stage: Stage }) {
  return <span className={`${BASE} ${STAGE_COLORS[stage]}`}>{STAGE_LABELS[stage]}</span>;
}

export function StatusBadge({ status }: { status: UseCaseStatus }) {
  return <span className={`${BASE} ${STATUS_COLORS[status]}`}>{STATUS_LABELS[status]}</span>;
}
