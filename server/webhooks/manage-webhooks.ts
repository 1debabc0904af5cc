import "server-only";
import { type Actor, can } from "@/lib/permissions";
import { WebhookCreateSchema, WebhookUpdateSchema } from "@/lib/validation/webhook";
import { changedFields, recordEvent } from "../audit/record-event";
import { db } from "../db";
import { DomainError, forbidden, notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import { checkWebhookUrl } from "./check-url";
import { generateWebhookSecret, sealSecret } from "./secret-box";
import { toWebhookDto, type WebhookDto, type WebhookWithSecretDto, webhookInclude } from "./webhook-dto";

export const refusedWebhooks = () => forbidden("Only admins manage webhooks.");

/**
 * Throws unless the actor may manage webhooks: every function here starts with it. These manage
 * the signed webhooks; chat channels (the same table, kind SLACK or TEAMS) are managed in
 * chat-channels.ts, and share the delivery log, "Send test" and "Retry now" (deliveries.ts).
 */
export function assertCanManageWebhooks(actor: Actor): void {
  if (!can(actor, "webhook:manage")) throw refusedWebhooks();
}

const pick = (row: { url: string; description: string; events: string[]; active: boolean }) => ({
  url: row.url,
  description: row.description,
  events: row.events,
  active: row.active,
});

export async function listWebhooks(actor: Actor): Promise<WebhookDto[]> {
  assertCanManageWebhooks(actor);
  const rows = await db.webhook.findMany({
    where: { kind: "SIGNED" },
    include: webhookInclude,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toWebhookDto);
}

export async function getWebhook(actor: Actor, id: string): Promise<WebhookDto> {
  assertCanManageWebhooks(actor);
  const row = await db.webhook.findFirst({ where: { id, kind: "SIGNED" }, include: webhookInclude });
  if (!row) throw notFound("Webhook");
  return toWebhookDto(row);
}

/** Register a webhook; the answer carries its signing secret, the only time it is shown. */
export async function createWebhook(actor: Actor, input: unknown): Promise<WebhookWithSecretDto> {
  assertCanManageWebhooks(actor);
  const data = parseInput(WebhookCreateSchema, input);
  await checkWebhookUrl(data.url);
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const row = await tx.webhook.create({
      data: { ...data, secret: sealSecret(secret), createdById: actor.id },
      include: webhookInclude,
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "webhook.create",
      entity: "Webhook",
      entityId: row.id,
      after: pick(row),
      useCaseId: null,
    });
    return { ...toWebhookDto(row), secret };
  });
}

/** Edit with the version the edit started from: CONFLICT (with the webhook as it is now) when stale. */
export async function updateWebhook(actor: Actor, id: string, input: unknown): Promise<WebhookDto> {
  assertCanManageWebhooks(actor);
  requireFindableId(id, "Webhook");
  const existing = await db.webhook.findFirst({ where: { id, kind: "SIGNED" } });
  if (!existing) throw notFound("Webhook");
  const { version, ...data } = parseInput(WebhookUpdateSchema, input);
  if (data.url !== undefined && data.url !== existing.url) await checkWebhookUrl(data.url);
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.webhook.findUnique({ where: { id }, include: webhookInclude });
      if (!current) throw notFound("Webhook");
      throw new DomainError("CONFLICT", "Someone else changed this webhook after you opened it.", {
        current: toWebhookDto(current),
      });
    }
    const row = await tx.webhook.findUniqueOrThrow({ where: { id }, include: webhookInclude });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "webhook.update",
      entity: "Webhook",
      entityId: id,
      ...changedFields(pick(existing), pick(row)),
      useCaseId: null,
    });
    return toWebhookDto(row);
  });
}

/** A new signing secret, shown once; the old one stops signing at once. */
export async function rotateWebhookSecret(actor: Actor, id: string): Promise<WebhookWithSecretDto> {
  assertCanManageWebhooks(actor);
  requireFindableId(id, "Webhook");
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({
      where: { id, kind: "SIGNED" },
      data: { secret: sealSecret(secret) },
    });
    if (count === 0) throw notFound("Webhook");
    await recordEvent(tx, {
      actorId: actor.id,
      action: "webhook.rotate-secret",
      entity: "Webhook",
      entityId: id,
      after: { secretRotated: true },
      useCaseId: null,
    });
    return { ...toWebhookDto(await tx.webhook.findUniqueOrThrow({ where: { id }, include: webhookInclude })), secret };
  });
}

/** Remove a webhook and its delivery log (pending deliveries are dropped). */
export async function deleteWebhook(actor: Actor, id: string): Promise<void> {
  assertCanManageWebhooks(actor);
  requireFindableId(id, "Webhook");
  await db.$transaction(async (tx) => {
    const existing = await tx.webhook.findFirst({ where: { id, kind: "SIGNED" } });
    if (!existing) throw notFound("Webhook");
    await tx.webhook.delete({ where: { id } });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "webhook.delete",
      entity: "Webhook",
      entityId: id,
      before: pick(existing),
      useCaseId: null,
    });
  });
}
