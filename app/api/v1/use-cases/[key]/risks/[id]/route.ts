import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { updateRisk } from "@/server/risk/save-risk";

export const dynamic = "force-dynamic";

type Params = { key: string; id: string };

/** Some of the risk's fields and its `version` -> the risk (409 with `current` when stale). */
export const PATCH = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await updateRisk(actor, params.key, params.id, await readJson(request))),
);

export const { GET, POST, PUT, DELETE, OPTIONS } = otherMethods({ PATCH });
