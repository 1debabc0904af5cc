import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { getModelCard } from "@/server/risk/get-model-card";
import { updateModelCard } from "@/server/risk/update-model-card";

export const dynamic = "force-dynamic";

type Params = { key: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => json(await getModelCard(actor, params.key)));

/** Some of the card's fields and `version` (0 for a card not written yet) -> the card. */
export const PATCH = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await updateModelCard(actor, params.key, await readJson(request))),
);

export const { POST, PUT, DELETE, OPTIONS } = otherMethods({ GET, PATCH });
