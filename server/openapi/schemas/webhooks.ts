// Response schemas: webhooks and their deliveries.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { dateTime, PersonSchema } from "./common";

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
