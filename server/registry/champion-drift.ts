import "server-only";
import { formatKey, PASSING_DECISIONS } from "@/lib/lifecycle";
import { recordEvent } from "../audit/record-event";
import type { Tx } from "../db";
import { notify, usersWithRoles } from "../notifications/notify";
import { enqueueWebhookEvent } from "../webhooks/enqueue";

/** The alias production serves: the one a gate's approval must cover. */
export const CHAMPION = "champion";

/** The versions of one model that a passing gate (go, or go with conditions) approved. */
export async function approvedVersions(tx: Tx, useCaseId: string, modelName: string): Promise<Set<string>> {
  const releases = await tx.gateRelease.findMany({
    where: {
      useCaseId,
      modelName,
      modelVersion: { not: null },
      gateReviewId: {
        in: (
          await tx.gateReview.findMany({
            where: { useCaseId, status: "DECIDED", decision: { in: [...PASSING_DECISIONS] } },
            select: { id: true },
          })
        ).map((review) => review.id),
      },
    },
    select: { modelVersion: true },
  });
  return new Set(releases.map((release) => release.modelVersion as string));
}

type DriftLink = {
  id: string;
  modelName: string;
  driftVersion: string | null;
  useCase: { id: string; number: number; title: string; ownerId: string };
  registry: { name: string };
};

/**
 * After a good sync: does `@champion` point to a version no passing gate approved? Only once a
 * gate approved some version of the model (before that there is nothing to drift from). A new
 * drift (or a move to another unapproved version) is raised once: the link keeps the drifted
 * version, the owner, IT and admins are notified, `registry.drift` goes to the outbox, and the
 * audit trail records it. Moving back to an approved version (or dropping the alias) clears it.
 */
export async function checkChampionDrift(
  tx: Tx,
  link: DriftLink,
  aliases: Record<string, string>,
  now: Date,
): Promise<void> {
  const champion = aliases[CHAMPION] ?? null;
  const approved = await approvedVersions(tx, link.useCase.id, link.modelName);
  const drifted = champion !== null && approved.size > 0 && !approved.has(champion) ? champion : null;
  if (drifted === link.driftVersion) return;
  const key = formatKey(link.useCase.number);
  await tx.modelLink.update({
    where: { id: link.id },
    data: { driftVersion: drifted, driftSince: drifted ? now : null },
  });
  await recordEvent(tx, {
    actorId: null,
    action: drifted ? "model-link.drift" : "model-link.drift-cleared",
    entity: "ModelLink",
    entityId: link.id,
    before: { champion: link.driftVersion },
    after: { model: link.modelName, champion, approved: [...approved] },
    useCaseId: link.useCase.id,
  });
  if (!drifted) return;
  const approvedList = [...approved].map((v) => `v${v}`).join(", ");
  await notify(tx, [link.useCase.ownerId, ...(await usersWithRoles(tx, ["IT", "ADMIN"]))], {
    kind: "REGISTRY_DRIFT",
    title: `${link.modelName} of ${key}: @${CHAMPION} now points to v${drifted}, which no gate approved (approved: ${approvedList}).`,
    href: `/use-cases/${key}/toolchain`,
  });
  await enqueueWebhookEvent(tx, "registry.drift", {
    useCase: { key, title: link.useCase.title },
    registry: link.registry.name,
    model: link.modelName,
    alias: CHAMPION,
    version: drifted,
    approvedVersions: [...approved],
    detectedAt: now.toISOString(),
  });
}
