import "server-only";
import type { z } from "zod";
import type { ModelLink, RegistryConnection } from "@/generated/prisma/client";
import type { ModelLinkResponse } from "../openapi/schemas/toolchain";
import type { ModelVersionInfo } from "./adapter";

export const modelLinkInclude = { registry: { select: { id: true, name: true } } } as const;

/** What the registry said at the last good sync. */
export type ModelCache = { description: string; versions: ModelVersionInfo[]; aliases: Record<string, string> };

export type ModelLinkDto = z.infer<typeof ModelLinkResponse>;

export function readCache(value: unknown): ModelCache {
  const cache = (value ?? {}) as Partial<ModelCache>;
  return { description: cache.description ?? "", versions: cache.versions ?? [], aliases: cache.aliases ?? {} };
}

export function toModelLinkDto(row: ModelLink & { registry: Pick<RegistryConnection, "id" | "name"> }): ModelLinkDto {
  const cache = readCache(row.cache);
  return {
    id: row.id,
    registry: row.registry,
    modelName: row.modelName,
    syncStatus: row.syncStatus,
    syncError: row.syncError,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    lastTriedAt: row.lastTriedAt?.toISOString() ?? null,
    versions: cache.versions,
    aliases: cache.aliases,
    drift:
      row.driftVersion && row.driftSince ? { version: row.driftVersion, since: row.driftSince.toISOString() } : null,
  };
}
