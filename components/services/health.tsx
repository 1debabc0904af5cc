import { LocalDate } from "@/components/ui/local-date";
import { HEALTH_LABELS, type HealthStatus } from "@/lib/services";
import type { ServiceDto } from "@/server/services/service-dto";

const BADGE: Record<HealthStatus, string> = {
  UP: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  DOWN: "bg-rose-50 text-rose-700 ring-rose-200",
  BLOCKED: "bg-amber-50 text-amber-800 ring-amber-200",
  UNKNOWN: "bg-slate-50 text-slate-600 ring-slate-200",
};
const BAR: Record<HealthStatus, string> = { UP: "#10b981", DOWN: "#e11d48", BLOCKED: "#f59e0b", UNKNOWN: "#cbd5e1" };

export function HealthBadge({ health }: { health: ServiceDto["health"] }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE[health.status]}`}
    >
      {HEALTH_LABELS[health.status]}
      {health.status === "UP" && health.latencyMs != null && ` · ${health.latencyMs} ms`}
      {health.status === "DOWN" && health.httpStatus != null && ` · ${health.httpStatus}`}
    </span>
  );
}

/** "Last checked …" and why it is down or blocked. */
export function HealthDetail({ health }: { health: ServiceDto["health"] }) {
  if (!health.checkedAt) return <span className="text-xs text-slate-500">Not checked yet</span>;
  return (
    <span className="text-xs text-slate-500">
      Last checked <LocalDate value={health.checkedAt} time /> UTC{health.reason && ` · ${health.reason}`}
    </span>
  );
}

/** The recent probes as bars: height by latency, colour by status. */
export function Sparkline({ history }: { history: ServiceDto["history"] }) {
  if (history.length === 0) return null;
  const max = Math.max(1, ...history.map((h) => h.latencyMs ?? 0));
  const width = history.length * 4;
  const up = history.filter((h) => h.status === "UP").length;
  return (
    <svg
      width={width}
      height={20}
      viewBox={`0 0 ${width} 20`}
      role="img"
      aria-label={`Last ${history.length} checks: ${up} up`}
    >
      {history.map((h, i) => {
        const height = h.status === "UP" ? Math.max(3, Math.round(((h.latencyMs ?? 0) / max) * 18)) : 18;
        return <rect key={h.at} x={i * 4} y={20 - height} width={3} height={height} fill={BAR[h.status]} rx={1} />;
      })}
    </svg>
  );
}

const BUILD: Record<"PASSING" | "FAILING" | "UNKNOWN", { label: string; className: string }> = {
  PASSING: { label: "Build passing", className: "bg-emerald-50 text-emerald-700 ring-emerald-200" },
  FAILING: { label: "Build failing", className: "bg-rose-50 text-rose-700 ring-rose-200" },
  UNKNOWN: { label: "Build unknown", className: "bg-slate-50 text-slate-700 ring-slate-200" },
};

/** A Jenkins job's last build, beside the health badge: passing, failing or unknown (with why). */
export function BuildBadge({ build }: { build: NonNullable<ServiceDto["build"]> }) {
  const shown = BUILD[build.status ?? "UNKNOWN"];
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${shown.className}`}
      title={build.reason ?? `${build.job}: last build #${build.number ?? "?"}`}
    >
      {build.status === null ? "Build not read yet" : shown.label}
      {build.number != null && ` · #${build.number}`}
    </span>
  );
}
