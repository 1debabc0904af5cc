import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { linkModel, listModelLinks } from "@/server/registry/model-links";

export const dynamic = "force-dynamic";

type Params = { key: string };

/** The linked registered models as last synced (`syncStatus`, `lastSyncedAt`). */
export const GET = apiRoute<Params>(async ({ actor, params }) => json(await listModelLinks(actor, params.key)));

/** `{ registryId, modelName }` -> 201, read from the registry at once (stale when it is down). */
export const POST = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await linkModel(actor, params.key, await readJson(request)), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
