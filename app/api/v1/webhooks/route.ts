import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { createWebhook, listWebhooks } from "@/server/webhooks/manage-webhooks";

export const dynamic = "force-dynamic";

/** ADMIN: the outgoing webhooks (never their secrets). */
export const GET = apiRoute(async ({ actor }) => json(await listWebhooks(actor)));

/** ADMIN: `{ url, events, description?, active? }` -> 201 with `secret`, shown this once. */
export const POST = apiRoute(async ({ request, actor }) =>
  json(await createWebhook(actor, await readJson(request)), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
