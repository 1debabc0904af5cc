import "server-only";
import type { DeliveryStatus } from "@/generated/prisma/client";

export type WebhookDto = {
  id: string;
  url: string;
  description: string;
  events: string[];
  active: boolean;
  version: number;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  /** The newest delivery's status and time, for the list. */
  lastDelivery: { status: DeliveryStatus; at: string } | null;
};

/** Create and rotate answer with the secret: shown once, never readable again. */
export type WebhookWithSecretDto = WebhookDto & { secret: string };

export type DeliveryDto = {
  id: string;
  webhookId: string;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  /** When the next attempt is due (PENDING only). */
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  payload: unknown;
};

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
