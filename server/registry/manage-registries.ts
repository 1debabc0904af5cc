import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { RegistryCreateSchema } from "@/lib/validation/toolchain";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError, notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import { currentProbePolicy } from "../services/check-service";
import { resolveTarget, systemResolver } from "../services/probe";
import { sealSecret } from "../webhooks/secret-box";
import { type RegistryDto, toRegistryDto } from "./registry-dto";

/** Throws unless the actor may manage registry connections: every function here starts with it. */
export function assertCanManageRegistries(actor: Actor): void {
  requirePermission(actor, "registry:manage", "Only admins connect model registries.");
}

const refused = (message: string) =>
  new DomainError("VALIDATION", "Some fields need attention.", { errors: [{ path: "baseUrl", message }] });

/** The base URL must pass the address policy now (and is checked again on every call). */
async function checkBaseUrl(baseUrl: string): Promise<void> {
  const target = await resolveTarget(
    new URL(baseUrl),
    await currentProbePolicy(),
    systemResolver,
    performance.now() + 5000,
  );
  if (target.kind === "blocked")
    throw refused(
      `This address is refused by the address policy (${target.reason}). Private hosts must be allowed in Settings; cloud metadata never is.`,
    );
  if (target.kind === "unresolved")
    throw refused(
      target.timedOut ? "The host name did not resolve in time; try again." : "The host name does not resolve.",
    );
}

export async function listRegistries(actor: Actor): Promise<RegistryDto[]> {
  assertCanManageRegistries(actor);
  const rows = await db.registryConnection.findMany({ orderBy: { createdAt: "asc" } });
  return rows.map(toRegistryDto);
}

/** The registries a use case's model may be linked to: id and name, for anyone who may link. */
export async function registryChoices(actor: Actor): Promise<{ id: string; name: string }[]> {
  requirePermission(actor, "use-case:read");
  return db.registryConnection.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Connect a registry; the token or password is encrypted at rest and never shown again. */
export async function createRegistry(actor: Actor, input: unknown): Promise<RegistryDto> {
  assertCanManageRegistries(actor);
  const data = parseInput(RegistryCreateSchema, input);
  await checkBaseUrl(data.baseUrl);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.registryConnection.create({
        data: {
          name: data.name,
          baseUrl: data.baseUrl.replace(/\/+$/, ""),
          auth: data.auth,
          username: data.auth === "BASIC" ? (data.username ?? null) : null,
          secret: data.auth !== "NONE" && data.secret ? sealSecret(data.secret) : null,
          verifyTls: data.verifyTls,
          createdById: actor.id,
        },
      });
      await recordEvent(tx, {
        actorId: actor.id,
        action: "registry.create",
        entity: "RegistryConnection",
        entityId: row.id,
        after: { name: row.name, baseUrl: row.baseUrl, auth: row.auth, verifyTls: row.verifyTls },
        useCaseId: null,
      });
      return toRegistryDto(row);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DomainError("VALIDATION", "Some fields need attention.", {
        errors: [{ path: "name", message: "A registry with this name is already connected." }],
      });
    throw error;
  }
}

/** Remove a connection and the model links that read from it. */
export async function deleteRegistry(actor: Actor, id: string): Promise<void> {
  assertCanManageRegistries(actor);
  requireFindableId(id, "Registry");
  await db.$transaction(async (tx) => {
    const existing = await tx.registryConnection.findUnique({ where: { id } });
    if (!existing) throw notFound("Registry");
    await tx.registryConnection.delete({ where: { id } });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "registry.delete",
      entity: "RegistryConnection",
      entityId: id,
      before: { name: existing.name, baseUrl: existing.baseUrl },
      useCaseId: null,
    });
  });
}
