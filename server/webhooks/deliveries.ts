import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/permissions";
import { recordEvent } from "../audit/record-event";
import { db } from "../db";
import { DomainError, notFound, requireFindableId } from "../errors";
import { currentProbePolicy } from "../services/check-service";
import { attemptDelivery, leasedUntil } from "./deliver";
import { webhookPayload } from "./enqueue";
import { assertCanManageWebhooks } from "./manage-webhooks";
import { type DeliveryDto, toDeliveryDto } from "./webhook-dto";

const LOG_SIZE = 50;

/** A webhook's delivery log: the last 50, newest first, with their payloads. */
export async function listDeliveries(actor: Actor, webhookId: string): Promise<DeliveryDto[]> {
  assertCanManageWebhooks(actor);
  if (!(await db.webhook.findUnique({ where: { id: webhookId }, select: { id: true } }))) throw notFound("Webhook");
  const rows = await db.webhookDelivery.findMany({
    where: { webhookId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LOG_SIZE,
  });
  return rows.map(toDeliveryDto);
}

/**
 * "Send test": a `ping` for this webhook only (active or not), delivered now; the answer is
 * the delivery with its result. Failing, it is retried like any other delivery.
 */
export async function sendTestDelivery(actor: Actor, webhookId: string, now = new Date()): Promise<DeliveryDto> {
  assertCanManageWebhooks(actor);
  requireFindableId(webhookId, "Webhook");
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    const webhook = await tx.webhook.findUnique({ where: { id: webhookId }, select: { id: true, url: true } });
    if (!webhook) throw notFound("Webhook");
    const payload = webhookPayload(id, "ping", { webhookId, url: webhook.url, sentBy: actor.id }, now);
    // Leased from the start: it is sent just below, never also by a round.
    await tx.webhookDelivery.create({
      data: { id, webhookId, event: "ping", payload, createdAt: now, nextAttemptAt: leasedUntil(now) },
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "webhook.test",
      entity: "Webhook",
      entityId: webhookId,
      after: { deliveryId: id },
      useCaseId: null,
    });
  });
  await attemptDelivery({ id, attempts: 0 }, await currentProbePolicy(), now);
  return toDeliveryDto(await db.webhookDelivery.findUniqueOrThrow({ where: { id } }));
}

/** "Retry now": a FAILED or PENDING delivery becomes due at once (the next round sends it). */
export async function retryDelivery(actor: Actor, deliveryId: string, now = new Date()): Promise<DeliveryDto> {
  assertCanManageWebhooks(actor);
  requireFindableId(deliveryId, "Delivery");
  return db.$transaction(async (tx) => {
    const row = await tx.webhookDelivery.findUnique({ where: { id: deliveryId } });
    if (!row) throw notFound("Delivery");
    if (row.status === "SUCCEEDED")
      throw new DomainError("CONFLICT", "This delivery already succeeded.", { current: toDeliveryDto(row) });
    const updated = await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "PENDING", nextAttemptAt: now },
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "webhook.retry",
      entity: "WebhookDelivery",
      entityId: deliveryId,
      before: { status: row.status, attempts: row.attempts },
      after: { status: "PENDING", webhookId: row.webhookId },
      useCaseId: null,
    });
    return toDeliveryDto(updated);
  });
}
