import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { getScoringModel, updateScoringModel } from "@/server/priority/scoring-model";

export const dynamic = "force-dynamic";

/** Any signed-in user. */
export const GET = apiRoute(async ({ actor }) => json(await getScoringModel(actor)));

/** ADMIN: the whole model with `expectedVersion`; saves a new version (409 with `current` when stale). */
export const PUT = apiRoute(async ({ request, actor }) =>
  json(await updateScoringModel(actor, await readJson(request))),
);

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods({ GET, PUT });
