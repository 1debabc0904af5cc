import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { formatKey } from "@/lib/lifecycle";
import { type Actor, can } from "@/lib/permissions";
import {
  ENVIRONMENTS,
  type Environment,
  HEALTH_STATUSES,
  type HealthStatus,
  kindFromUrl,
  SERVICE_KINDS,
  type ServiceKind,
} from "@/lib/services";
import { ServiceBatchSchema, ServiceCreateSchema, ServiceUpdateSchema } from "@/lib/validation/service";
import { changedFields, recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db, type Tx } from "../db";
import { DomainError, forbidden, notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { jenkinsColumns } from "./jenkins-fields";
import { type ServiceDto, serviceInclude, toServiceDto } from "./service-dto";

const ORDER = [{ environment: "desc" }, { name: "asc" }] as const;

/** A use case's services, production first. */
export async function listServices(actor: Actor, key: string): Promise<ServiceDto[]> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const rows = await db.service.findMany({
    where: { useCaseId: useCase.id },
    include: serviceInclude,
    orderBy: [...ORDER],
  });
  return rows.map(toServiceDto);
}

const manageRefused = () => forbidden("Services are managed by the use case's data scientist, IT and admins.");

type NewService = {
  name: string;
  kind: ServiceKind;
  environment: Environment;
  url: string;
  note?: string;
} & ReturnType<typeof jenkinsColumns>;

/** Insert one service and its audit event, in the caller's transaction. */
async function insertService(
  tx: Tx,
  actor: Actor,
  useCase: { id: string; number: number },
  service: NewService,
  source: "form" | "compose",
): Promise<ServiceDto> {
  const row = await tx.service.create({ data: { ...service, useCaseId: useCase.id }, include: serviceInclude });
  await recordEvent(tx, {
    actorId: actor.id,
    action: "service.create",
    entity: "Service",
    entityId: row.id,
    after: {
      useCase: formatKey(useCase.number),
      name: row.name,
      kind: row.kind,
      environment: row.environment,
      url: row.url,
      source,
    },
  });
  return toServiceDto(row);
}

export async function createService(actor: Actor, key: string, input: unknown): Promise<ServiceDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  if (!can(actor, "service:manage", useCase)) throw manageRefused();
  const { jenkinsJob, jenkinsUser, jenkinsToken, ...data } = parseInput(ServiceCreateSchema, input);
  const kind = data.kind ?? kindFromUrl(data.url);
  const jenkins = jenkinsColumns(kind, { jenkinsJob, jenkinsUser, jenkinsToken });
  return db.$transaction((tx) => insertService(tx, actor, useCase, { ...data, kind, ...jenkins }, "form"));
}

/** Save the ticked services of a compose import: all of them or, on any error, none. */
/**
 * May the actor import a compose file into this use case (preview or save)? The preview saves
 * nothing but shows the stack's addresses: the same rule as saving. Throws NOT_FOUND / FORBIDDEN.
 */
export async function authorizeComposeImport(actor: Actor, key: string): Promise<void> {
  const useCase = await findUseCaseByKey(key);
  if (!can(actor, "service:manage", useCase)) throw manageRefused();
}

export async function saveServices(actor: Actor, key: string, input: unknown): Promise<ServiceDto[]> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  if (!can(actor, "service:manage", useCase)) throw manageRefused();
  const { services } = parseInput(ServiceBatchSchema, input);
  return db.$transaction(async (tx) => {
    const saved: ServiceDto[] = [];
    for (const service of services) saved.push(await insertService(tx, actor, useCase, service, "compose"));
    return saved;
  });
}

async function findService(id: string) {
  requireFindableId(id, "Service");
  const row = await db.service.findUnique({ where: { id }, include: { useCase: true } });
  if (!row) throw notFound("Service");
  return row;
}

export async function updateService(actor: Actor, id: string, input: unknown): Promise<ServiceDto> {
  const existing = await findService(id);
  if (!can(actor, "service:manage", existing.useCase)) throw manageRefused();
  const { version, jenkinsJob, jenkinsUser, jenkinsToken, ...data } = parseInput(ServiceUpdateSchema, input);
  const jenkins = jenkinsColumns(data.kind ?? existing.kind, { jenkinsJob, jenkinsUser, jenkinsToken }, existing);
  return db.$transaction(async (tx) => {
    const urlChanged = data.url !== undefined && data.url !== existing.url;
    const { count } = await tx.service.updateMany({
      where: { id, version },
      data: {
        ...data,
        ...jenkins,
        version: { increment: 1 },
        // A new address has not been checked yet.
        ...(urlChanged
          ? { healthStatus: "UNKNOWN" as const, httpStatus: null, latencyMs: null, healthReason: null, checkedAt: null }
          : {}),
      },
    });
    if (count === 0) {
      const current = await tx.service.findUniqueOrThrow({ where: { id }, include: serviceInclude });
      throw new DomainError("CONFLICT", "Someone else changed this service after you opened it.", {
        current: toServiceDto(current),
      });
    }
    const row = await tx.service.findUniqueOrThrow({ where: { id }, include: serviceInclude });
    const pick = (r: {
      name: string;
      kind: string;
      environment: string;
      url: string;
      note: string;
      jenkinsJob: string | null;
      jenkinsUser: string | null;
      jenkinsToken: string | null;
    }) => ({
      name: r.name,
      kind: r.kind,
      environment: r.environment,
      url: r.url,
      note: r.note,
      jenkinsJob: r.jenkinsJob,
      jenkinsUser: r.jenkinsUser,
      // The token itself never goes to the audit trail: whether one is stored, and whether it changed.
      jenkinsToken: r.jenkinsToken ? "stored" : null,
      jenkinsTokenReplaced: r === row && jenkinsToken !== undefined,
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "service.update",
      entity: "Service",
      entityId: id,
      ...changedFields(pick(existing), pick(row)),
    });
    return toServiceDto(row);
  });
}

export async function deleteService(actor: Actor, id: string): Promise<void> {
  const existing = await findService(id);
  if (!can(actor, "service:manage", existing.useCase)) throw manageRefused();
  await db.$transaction(async (tx) => {
    await tx.service.delete({ where: { id } });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "service.delete",
      entity: "Service",
      entityId: id,
      useCaseId: existing.useCaseId,
      before: { name: existing.name, kind: existing.kind, environment: existing.environment, url: existing.url },
    });
  });
}

export type ServiceFilters = { kind?: string; environment?: string; health?: string };

const DOWN_FIRST: Record<HealthStatus, number> = { DOWN: 0, BLOCKED: 1, UNKNOWN: 2, UP: 3 };

/** Services a page of /services shows: each with its 48-point history, so a page stays small. */
export const SERVICES_PAGE_SIZE = 50;

export type ServicePage = {
  services: (ServiceDto & { canManage: boolean })[];
  /** All the services the filters match, and how many of them are down. */
  total: number;
  down: number;
  page: number;
  pages: number;
};

/**
 * Every service across use cases, filtered, a page at a time: the down ones first, then
 * production first and by name (the order is SQL's, so paging is stable); with whether the
 * actor may manage each.
 */
export async function listAllServices(actor: Actor, filters: ServiceFilters, page = 1): Promise<ServicePage> {
  requirePermission(actor, "use-case:read");
  const pick = <T extends string>(value: string | undefined, allowed: readonly T[]) =>
    value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  const kind = pick<ServiceKind>(filters.kind, SERVICE_KINDS);
  const environment = pick<Environment>(filters.environment, ENVIRONMENTS);
  const health = pick<HealthStatus>(filters.health, HEALTH_STATUSES);
  const conditions = [
    kind ? Prisma.sql`kind = ${kind}::"ServiceKind"` : null,
    environment ? Prisma.sql`environment = ${environment}::"ServiceEnvironment"` : null,
    health ? Prisma.sql`"healthStatus" = ${health}::"HealthStatus"` : null,
  ].filter((part): part is Prisma.Sql => part != null);
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const [counts] = await db.$queryRaw<{ total: number; down: number }[]>`
    SELECT count(*)::int AS total, (count(*) FILTER (WHERE "healthStatus" = 'DOWN'))::int AS down
    FROM "Service" ${where}`;
  const total = counts?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / SERVICES_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Service" ${where}
    ORDER BY CASE "healthStatus" ${Prisma.join(
      Object.entries(DOWN_FIRST).map(([status, rank]) => Prisma.sql`WHEN ${status}::"HealthStatus" THEN ${rank}`),
      " ",
    )} END, environment DESC, name ASC, id ASC
    LIMIT ${SERVICES_PAGE_SIZE} OFFSET ${(current - 1) * SERVICES_PAGE_SIZE}`;
  const rows = await db.service.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    include: { ...serviceInclude, useCase: { select: { number: true, ownerId: true, sponsorId: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const services = ids.flatMap(({ id }) => {
    const row = byId.get(id);
    return row ? [{ ...toServiceDto(row), canManage: can(actor, "service:manage", row.useCase) }] : [];
  });
  return { services, total, down: counts?.down ?? 0, page: current, pages };
}
