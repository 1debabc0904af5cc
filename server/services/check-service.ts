import "server-only";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { env } from "../env";
import { notFound, requireFindableId } from "../errors";
import { metrics } from "../metrics/metrics";
import { notify, usersWithRoles } from "../notifications/notify";
import { enqueueWebhookEvent } from "../webhooks/enqueue";
import { openSecret } from "../webhooks/secret-box";
import { type BuildState, readLastBuild } from "./jenkins-build";
import { type ProbeResult, probeUrl } from "./probe";
import { type ProbePolicy, parseAllowList } from "./probe-policy";
import { type ServiceDto, serviceInclude, toServiceDto } from "./service-dto";

/** The probe policy: ROADBOOK_PROBE_ALLOW plus the admin's allowlist in the settings. */
export async function currentProbePolicy(): Promise<ProbePolicy> {
  const settings = await db.orgSettings.findUnique({ where: { id: 1 }, select: { probeAllow: true } });
  return parseAllowList([env().ROADBOOK_PROBE_ALLOW ?? "", ...(settings?.probeAllow ?? [])]).policy;
}

/**
 * Probe one service now and keep the result (and its history point); a Jenkins service with a
 * job also gets its last build's result. When it goes down, the use case's owner and IT are
 * told, once per outage.
 */
export async function probeAndRecord(serviceId: string, policy?: ProbePolicy): Promise<ServiceDto> {
  requireFindableId(serviceId, "Service");
  const service = await db.service.findUnique({ where: { id: serviceId }, include: { useCase: true } });
  if (!service) throw notFound("Service");
  const rules = policy ?? (await currentProbePolicy());
  const [result, build] = await Promise.all([
    probeUrl(service.url, { policy: rules }) as Promise<ProbeResult>,
    lastBuildOf(service, rules),
  ]);
  metrics.probeResults.inc({ health: result.status });
  return db.$transaction(async (tx) => {
    const now = new Date();
    await tx.service.update({
      where: { id: serviceId },
      data: {
        healthStatus: result.status,
        httpStatus: result.httpStatus,
        latencyMs: result.latencyMs,
        healthReason: result.reason,
        checkedAt: now,
        ...(build ? { buildStatus: build.status, buildNumber: build.number, buildReason: build.reason } : {}),
      },
    });
    await tx.serviceProbe.create({
      data: { serviceId, at: now, status: result.status, httpStatus: result.httpStatus, latencyMs: result.latencyMs },
    });
    if (result.status === "DOWN" && service.healthStatus !== "DOWN") {
      const key = formatKey(service.useCase.number);
      await notify(tx, [service.useCase.ownerId, ...(await usersWithRoles(tx, ["IT"]))], {
        kind: "SERVICE_DOWN",
        title: `${service.name} of ${key} is down: ${result.reason ?? "no answer"}.`,
        href: `/use-cases/${key}#services`,
      });
      await enqueueWebhookEvent(tx, "service.down", {
        useCase: { key, title: service.useCase.title },
        serviceId: service.id,
        name: service.name,
        url: service.url,
        environment: service.environment,
        previousStatus: service.healthStatus,
        httpStatus: result.httpStatus,
        reason: result.reason,
        checkedAt: now.toISOString(),
      });
    }
    return toServiceDto(await tx.service.findUniqueOrThrow({ where: { id: serviceId }, include: serviceInclude }));
  });
}

/** A Jenkins service with a job: its last build, read beside the probe (null for any other service). */
function lastBuildOf(
  service: {
    kind: string;
    url: string;
    jenkinsJob: string | null;
    jenkinsUser: string | null;
    jenkinsToken: string | null;
  },
  policy: ProbePolicy,
): Promise<BuildState | null> {
  if (service.kind !== "JENKINS" || !service.jenkinsJob) return Promise.resolve(null);
  let token: string | null = null;
  try {
    token = service.jenkinsToken ? openSecret(service.jenkinsToken) : null;
  } catch {
    return Promise.resolve({
      status: "UNKNOWN",
      number: null,
      reason: "The API token cannot be read (was NEXTAUTH_SECRET changed?): enter it again.",
    });
  }
  return readLastBuild({ url: service.url, job: service.jenkinsJob, user: service.jenkinsUser, token }, policy);
}

/** "Check now" from the UI or the API. */
export async function checkService(actor: Actor, serviceId: string): Promise<ServiceDto> {
  requirePermission(actor, "service:check");
  return probeAndRecord(serviceId);
}
