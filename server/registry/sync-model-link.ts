import "server-only";
import type { RegistryConnection } from "@/generated/prisma/client";
import { db } from "../db";
import { currentProbePolicy } from "../services/check-service";
import type { ProbePolicy } from "../services/probe-policy";
import { openSecret } from "../webhooks/secret-box";
import { type ModelSnapshot, type RegistryAdapter, RegistryError, type RegistryTarget } from "./adapter";
import { checkChampionDrift } from "./champion-drift";
import { mlflowAdapter } from "./mlflow-adapter";
import type { ModelCache } from "./model-link-dto";

/** One adapter per registry kind: adding a registry is adding a line here (docs/decisions/0011). */
const ADAPTERS: Record<RegistryConnection["kind"], RegistryAdapter> = { MLFLOW: mlflowAdapter };

/** A registry gets this long for the whole read of one model (it is several calls). */
const TIMEOUT_MS = 5000;

export function targetOf(registry: RegistryConnection, policy: ProbePolicy): RegistryTarget {
  const secret = registry.secret ? openSecret(registry.secret) : "";
  const auth: RegistryTarget["auth"] =
    registry.auth === "BEARER"
      ? { kind: "BEARER", token: secret }
      : registry.auth === "BASIC"
        ? { kind: "BASIC", username: registry.username ?? "", password: secret }
        : { kind: "NONE" };
  return { baseUrl: registry.baseUrl, auth, verifyTls: registry.verifyTls, policy, timeoutMs: TIMEOUT_MS };
}

/**
 * Read one linked model from its registry and keep what it said. A registry that is down,
 * slow, refused by the address policy or refusing the credentials leaves the last good cache in
 * place, marked STALE with the reason: never an error for the caller. A good read also checks
 * whether `@champion` drifted to a version no gate approved (champion-drift.ts).
 */
export async function syncModelLink(id: string, policy?: ProbePolicy): Promise<void> {
  const link = await db.modelLink.findUnique({
    where: { id },
    include: {
      registry: true,
      useCase: { select: { id: true, number: true, title: true, ownerId: true } },
    },
  });
  if (!link) return;
  const now = new Date();
  let snapshot: ModelSnapshot;
  try {
    const target = targetOf(link.registry, policy ?? (await currentProbePolicy()));
    snapshot = await ADAPTERS[link.registry.kind].readModel(target, link.modelName);
  } catch (error) {
    const reason =
      error instanceof RegistryError
        ? error.kind === "not-found"
          ? `The registry has no model named ${link.modelName}.`
          : error.message
        : "The registry's answer could not be read.";
    if (!(error instanceof RegistryError)) console.error("Registry sync failed", error);
    await db.modelLink.update({
      where: { id },
      data: { syncStatus: link.lastSyncedAt ? "STALE" : "NEVER", syncError: reason, lastTriedAt: now },
    });
    return;
  }
  const cache: ModelCache = {
    description: snapshot.description,
    versions: snapshot.versions,
    aliases: snapshot.aliases,
  };
  await db.$transaction(async (tx) => {
    await tx.modelLink.update({
      where: { id },
      data: { cache, syncStatus: "FRESH", syncError: null, lastSyncedAt: now, lastTriedAt: now },
    });
    await checkChampionDrift(tx, link, snapshot.aliases, now);
  });
}
