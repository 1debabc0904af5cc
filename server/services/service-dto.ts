import "server-only";
import type { z } from "zod";
import { formatKey } from "@/lib/lifecycle";
import type { Environment, HealthStatus, ServiceKind } from "@/lib/services";
import type { ServiceResponse } from "../openapi/schemas/services";

export type ServiceDto = z.infer<typeof ServiceResponse>;

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
