import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { deleteView, getView, updateView } from "@/server/views/saved-views";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => json(await getView(actor, params.id)));

/** `{ version, name?, shared?, query?, columns? }` (the owner; 409 when stale) and/or `{ default }` (the caller's landing view). */
export const PATCH = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await updateView(actor, params.id, await readJson(request))),
);

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteView(actor, params.id);
  return new Response(null, { status: 204 });
});

export const { POST, PUT, OPTIONS } = otherMethods({ GET, PATCH, DELETE });
