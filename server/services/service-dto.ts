import "server-only";
import { formatKey } from "@/lib/lifecycle";
import type { Environment, HealthStatus, ServiceKind } from "@/lib/services";

export type ServiceDto = {
  id: string;
  useCaseKey: string;
  name: string;
  kind: ServiceKind;
  environment: Environment;
  url: string;
  note: string;
  version: number;
  health: {
    status: HealthStatus;
    httpStatus: number | null;
    latencyMs: number | null;
    checkedAt: string | null;
    /** Why it is down or blocked, in plain words. */
    reason: string | null;
  };
  /** A Jenkins service's job and its last build at the last check (null: no job to read). */
  build: {
    job: string;
    user: string | null;
    /** Whether an API token is stored (it is never shown). */
    hasToken: boolean;
    /** null: not checked since the job was set. */
    status: "PASSING" | "FAILING" | "UNKNOWN" | null;
    number: number | null;
    reason: string | null;
  } | null;
  /** Recent probes, oldest first (the sparkline). */
  history: { at: string; status: HealthStatus; latencyMs: number | null }[];
};

type Row = {
  id: string;
  name: string;
  kind: ServiceKind;
  environment: Environment;
  url: string;
  note: string;
  version: number;
  healthStatus: HealthStatus;
  httpStatus: number | null;
  latencyMs: number | null;
  healthReason: string | null;
  checkedAt: Date | null;
  jenkinsJob?: string | null;
  jenkinsUser?: string | null;
  jenkinsToken?: string | null;
  buildStatus?: "PASSING" | "FAILING" | "UNKNOWN" | null;
  buildNumber?: number | null;
  buildReason?: string | null;
  useCase: { number: number };
  probes?: { at: Date; status: HealthStatus; latencyMs: number | null }[];
};

/** Probes shown per service: the last 48 (4 hours at the default 5 minutes) of the 7 days kept. */
export const HISTORY_POINTS = 48;

export const serviceInclude = {
  useCase: { select: { number: true } },
  probes: { orderBy: { at: "desc" }, take: HISTORY_POINTS, select: { at: true, status: true, latencyMs: true } },
} as const;

export function toServiceDto(row: Row): ServiceDto {
  return {
    id: row.id,
    useCaseKey: formatKey(row.useCase.number),
    name: row.name,
    kind: row.kind,
    environment: row.environment,
    url: row.url,
    note: row.note,
    version: row.version,
    health: {
      status: row.healthStatus,
      httpStatus: row.httpStatus,
      latencyMs: row.latencyMs,
      checkedAt: row.checkedAt?.toISOString() ?? null,
      reason: row.healthReason,
    },
    build: row.jenkinsJob
      ? {
          job: row.jenkinsJob,
          user: row.jenkinsUser ?? null,
          hasToken: Boolean(row.jenkinsToken),
          status: row.buildStatus ?? null,
          number: row.buildNumber ?? null,
          reason: row.buildReason ?? null,
        }
      : null,
    history: [...(row.probes ?? [])]
      .reverse()
      .map((probe) => ({ at: probe.at.toISOString(), status: probe.status, latencyMs: probe.latencyMs })),
  };
}
