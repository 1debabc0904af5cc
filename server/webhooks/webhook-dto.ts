import "server-only";
import type { z } from "zod";
import type { DeliveryStatus } from "@/generated/prisma/client";
import type { DeliveryResponse, WebhookResponse, WebhookWithSecretResponse } from "../openapi/schemas/webhooks";

export type WebhookDto = z.infer<typeof WebhookResponse>;

/** Create and rotate answer with the secret: shown once, never readable again. */
export type WebhookWithSecretDto = z.infer<typeof WebhookWithSecretResponse>;

export type DeliveryDto = z.infer<typeof DeliveryResponse>;

export const webhookInclude = {
  createdBy: { select: { id: true, name: true } },
  deliveries: { select: { status: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
} as const;

type WebhookRow = {
  id: string;
  url: string;
  description: string;
  events: string[];
  active: boolean;
  version: number;
  createdBy: { id: string; name: string };
  createdAt: Date;
  updatedAt: Date;
  deliveries: { status: DeliveryStatus; createdAt: Date }[];
};

export function toWebhookDto(row: WebhookRow): WebhookDto {
  const last = row.deliveries[0];
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    active: row.active,
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastDelivery: last ? { status: last.status, at: last.createdAt.toISOString() } : null,
  };
}

type DeliveryRow = {
  id: string;
  webhookId: string;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  deliveredAt: Date | null;
  payload: unknown;
};

export function toDeliveryDto(row: DeliveryRow): DeliveryDto {
  return {
    id: row.id,
    webhookId: row.webhookId,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    payload: row.payload,
  };
}
