import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { formatKey } from "@/lib/lifecycle";
import { type Actor, can } from "@/lib/permissions";
import { ModelLinkCreateSchema } from "@/lib/validation/toolchain";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError, forbidden, notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type ModelLinkDto, modelLinkInclude, toModelLinkDto } from "./model-link-dto";
import { syncModelLink } from "./sync-model-link";

const refusedLinks = () => forbidden("Only the use case's owner, IT or an admin may link its models.");

/** The use case's linked models as last synced (a registry that is down shows as stale). */
export async function listModelLinks(actor: Actor, key: string): Promise<ModelLinkDto[]> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const rows = await db.modelLink.findMany({
    where: { useCaseId: useCase.id },
    include: modelLinkInclude,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toModelLinkDto);
}

/** Link a registered model, then read it from the registry at once (a failed read leaves it stale, not refused). */
export async function linkModel(actor: Actor, key: string, input: unknown): Promise<ModelLinkDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  if (!can(actor, "model-link:manage", useCase)) throw refusedLinks();
  const data = parseInput(ModelLinkCreateSchema, input);
  const registry = await db.registryConnection.findUnique({
    where: { id: requireFindableId(data.registryId, "Registry") },
  });
  if (!registry)
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [{ path: "registryId", message: "Choose a connected registry." }],
    });
  let id: string;
  try {
    id = await db.$transaction(async (tx) => {
      const row = await tx.modelLink.create({
        data: { useCaseId: useCase.id, registryId: registry.id, modelName: data.modelName },
      });
      await recordEvent(tx, {
        actorId: actor.id,
        action: "model-link.create",
        entity: "ModelLink",
        entityId: row.id,
        after: { useCase: formatKey(useCase.number), registry: registry.name, model: data.modelName },
        useCaseId: useCase.id,
      });
      return row.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DomainError("VALIDATION", "Some fields need attention.", {
        errors: [{ path: "modelName", message: "This model is already linked to the use case." }],
      });
    throw error;
  }
  await syncModelLink(id);
  return toModelLinkDto(await db.modelLink.findUniqueOrThrow({ where: { id }, include: modelLinkInclude }));
}

/** Read every linked model of the use case from its registry now: any signed-in user (like a health check). */
export async function syncUseCaseModels(actor: Actor, key: string): Promise<ModelLinkDto[]> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const links = await db.modelLink.findMany({ where: { useCaseId: useCase.id }, select: { id: true } });
  for (const link of links) await syncModelLink(link.id);
  return listModelLinks(actor, key);
}

export async function unlinkModel(actor: Actor, key: string, id: string): Promise<void> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  if (!can(actor, "model-link:manage", useCase)) throw refusedLinks();
  requireFindableId(id, "Model link");
  await db.$transaction(async (tx) => {
    const row = await tx.modelLink.findFirst({ where: { id, useCaseId: useCase.id } });
    if (!row) throw notFound("Model link");
    await tx.modelLink.delete({ where: { id } });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "model-link.delete",
      entity: "ModelLink",
      entityId: id,
      before: { model: row.modelName },
      useCaseId: useCase.id,
    });
  });
}

/** The use case's models whose `@champion` drifted to a version no gate approved (the use case page's warning). */
export async function listDriftedModels(
  actor: Actor,
  key: string,
): Promise<{ modelName: string; version: string; since: string }[]> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const rows = await db.modelLink.findMany({
    where: { useCaseId: useCase.id, driftSince: { not: null } },
    select: { modelName: true, driftVersion: true, driftSince: true },
    orderBy: { driftSince: "asc" },
  });
  return rows.map((row) => ({
    modelName: row.modelName,
    version: row.driftVersion ?? "",
    since: row.driftSince?.toISOString() ?? "",
  }));
}
