// Response schemas: webhooks and their deliveries.
// For the OpenAPI document only (not validated at run time); each is checked against its DTO type below.
import "server-only";
import { z } from "zod";
import type { ChatChannelDto } from "../../webhooks/chat-channels";
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

export const ChatChannelResponse = z.object({
  id: z.string().meta({ description: "Also the id of its delivery log, test and retry (the webhooks' endpoints)." }),
  tool: z.enum(["SLACK", "TEAMS"]),
  name: z.string().meta({ examples: ["#ml-releases"] }),
  shownUrl: z.string().meta({
    description: "The host and first path segment only: the whole URL is a secret, stored encrypted.",
    examples: ["https://hooks.slack.com/services/…"],
  }),
  events: z.array(z.string()),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: dateTime,
  lastDelivery: z.object({ status: deliveryStatus, at: dateTime, error: z.string().nullable() }).nullable(),
});

/** Fails to compile when a response schema and its DTO type drift apart. */
export const WEBHOOKS_SCHEMAS_MATCH_DTOS: {
  ChatChannel: Equal<z.infer<typeof ChatChannelResponse>, ChatChannelDto>;
  Webhook: Equal<z.infer<typeof WebhookResponse>, WebhookDto>;
  WebhookWithSecret: Equal<z.infer<typeof WebhookWithSecretResponse>, WebhookWithSecretDto>;
  Delivery: Equal<z.infer<typeof DeliveryResponse>, DeliveryDto>;
} = {
  ChatChannel: true,
  Webhook: true,
  WebhookWithSecret: true,
  Delivery: true,
};
