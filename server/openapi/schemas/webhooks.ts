// Response schemas: webhooks and their deliveries.
// For the OpenAPI document only (not validated at run time); each is checked against its DTO type below.
import "server-only";
import { z } from "zod";
import type { DeliveryDto, WebhookDto, WebhookWithSecretDto } from "../../webhooks/webhook-dto";
import { dateTime, type Equal, PersonSchema } from "./common";

const deliveryStatus = z.enum(["PENDING", "SUCCEEDED", "FAILED"]);

export const WebhookResponse = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  version: z.number().int(),
  createdBy: PersonSchema,
  createdAt: dateTime,
  updatedAt: dateTime,
  lastDelivery: z.object({ status: deliveryStatus, at: dateTime }).nullable(),
});

export const WebhookWithSecretResponse = WebhookResponse.extend({
  secret: z.string().meta({ description: "The signing secret (whsec_…): shown in this answer only." }),
});

export const DeliveryResponse = z.object({
  id: z.string(),
  webhookId: z.string(),
  event: z.string(),
  status: deliveryStatus,
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: dateTime.nullable(),
  createdAt: dateTime,
  deliveredAt: dateTime.nullable(),
  payload: z.unknown().meta({ description: "The JSON body sent: { id, event, createdAt, data }." }),
});

/** Fails to compile when a response schema and its DTO type drift apart. */
export const WEBHOOKS_SCHEMAS_MATCH_DTOS: {
  Webhook: Equal<z.infer<typeof WebhookResponse>, WebhookDto>;
  WebhookWithSecret: Equal<z.infer<typeof WebhookWithSecretResponse>, WebhookWithSecretDto>;
  Delivery: Equal<z.infer<typeof DeliveryResponse>, DeliveryDto>;
} = {
  Webhook: true,
  WebhookWithSecret: true,
  Delivery: true,
};
