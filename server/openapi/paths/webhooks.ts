// Outgoing webhooks (ADMIN). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import { WebhookCreateSchema, WebhookUpdateSchema } from "../../../lib/validation/webhook";
import type { Endpoint } from "../endpoint";
import { DeliveryResponse, WebhookResponse, WebhookWithSecretResponse } from "../schemas/webhooks";

export const WEBHOOK_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/webhooks",
    operationId: "listWebhooks",
    summary: "List webhooks",
    tag: "Webhooks",
    success: { status: 200, description: "The webhooks (never their secrets).", schema: z.array(WebhookResponse) },
    errors: [401, 403],
  },
  {
    method: "POST",
    path: "/api/v1/webhooks",
    operationId: "createWebhook",
    summary: "Register a webhook",
    description:
      'The URL must pass the health probe\'s address policy. Deliveries are POSTs signed with `roadbook-signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.',
    tag: "Webhooks",
    body: { schema: WebhookCreateSchema },
    success: {
      status: 201,
      description: "The webhook, with its secret (shown once).",
      schema: WebhookWithSecretResponse,
    },
    errors: [400, 401, 403, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/{id}",
    operationId: "getWebhook",
    summary: "Read a webhook",
    tag: "Webhooks",
    success: { status: 200, description: "The webhook.", schema: WebhookResponse },
    errors: [401, 403, 404],
  },
  {
    method: "PATCH",
    path: "/api/v1/webhooks/{id}",
    operationId: "updateWebhook",
    summary: "Edit a webhook",
    description: "With the current `version` (409 with `current` when stale).",
    tag: "Webhooks",
    body: { schema: WebhookUpdateSchema },
    success: { status: 200, description: "The webhook (version + 1).", schema: WebhookResponse },
    errors: [400, 401, 403, 404, 409, 413, 422],
  },
  {
    method: "DELETE",
    path: "/api/v1/webhooks/{id}",
    operationId: "deleteWebhook",
    summary: "Remove a webhook and its delivery log",
    tag: "Webhooks",
    success: { status: 204, description: "Removed." },
    errors: [401, 403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/webhooks/{id}/test",
    operationId: "testWebhook",
    summary: "Send a ping now",
    tag: "Webhooks",
    success: { status: 201, description: "The ping delivery, with its result.", schema: DeliveryResponse },
    errors: [401, 403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/webhooks/{id}/rotate-secret",
    operationId: "rotateWebhookSecret",
    summary: "Replace the signing secret",
    tag: "Webhooks",
    success: {
      status: 200,
      description: "The webhook with its new secret (shown once).",
      schema: WebhookWithSecretResponse,
    },
    errors: [401, 403, 404],
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "The delivery log",
    tag: "Webhooks",
    success: { status: 200, description: "The last 50 deliveries, newest first.", schema: z.array(DeliveryResponse) },
    errors: [401, 403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/webhook-deliveries/{id}/retry",
    operationId: "retryWebhookDelivery",
    summary: "Make a failed or pending delivery due now",
    tag: "Webhooks",
    success: { status: 200, description: "The delivery, pending and due.", schema: DeliveryResponse },
    errors: [401, 403, 404, 409],
  },
];
