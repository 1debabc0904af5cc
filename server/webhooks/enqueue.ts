import "server-only";
import { randomUUID } from "node:crypto";
import type { WebhookEvent } from "@/lib/validation/webhook";
import type { Tx } from "../db";

export type WebhookJson = string | number | boolean | null | WebhookJson[] | { [key: string]: WebhookJson };

/** What every delivery sends: the delivery id (for receivers to deduplicate), the event, when, and its data. */
export type WebhookPayload = { id: string; event: string; createdAt: string; data: { [key: string]: WebhookJson } };

export function webhookPayload(id: string, event: string, data: WebhookPayload["data"], createdAt: Date) {
  return { id, event, createdAt: createdAt.toISOString(), data } satisfies WebhookPayload;
}

/**
 * The outbox: one delivery row per active webhook subscribed to `event`, written in the
 * caller's transaction, so an event exists exactly when its change committed. The delivery
 * rounds (deliver.ts) send them. With no webhook subscribed it costs one small query.
 */
export async function enqueueWebhookEvent(
  tx: Tx,
  event: WebhookEvent,
  data: { [key: string]: WebhookJson },
): Promise<number> {
  const webhooks = await tx.webhook.findMany({ where: { active: true, events: { has: event } }, select: { id: true } });
  if (webhooks.length === 0) return 0;
  const createdAt = new Date();
  const rows = webhooks.map((webhook) => {
    const id = randomUUID();
    return {
      id,
      webhookId: webhook.id,
      event,
      payload: webhookPayload(id, event, data, createdAt),
      createdAt,
      nextAttemptAt: createdAt,
    };
  });
  await tx.webhookDelivery.createMany({ data: rows });
  return rows.length;
}
