import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { deleteService, updateService } from "@/server/services/services";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const PATCH = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await updateService(actor, params.id, await readJson(request))),
);

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteService(actor, params.id);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, OPTIONS } = otherMethods({ PATCH, DELETE });
