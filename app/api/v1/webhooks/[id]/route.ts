import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { deleteWebhook, getWebhook, updateWebhook } from "@/server/webhooks/manage-webhooks";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => json(await getWebhook(actor, params.id)));

/** `{ version, url?, description?, events?, active? }`: 409 when the version is stale. */
export const PATCH = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await updateWebhook(actor, params.id, await readJson(request))),
);

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteWebhook(actor, params.id);
  return new Response(null, { status: 204 });
});

export const { POST, PUT, OPTIONS } = otherMethods({ GET, PATCH, DELETE });
