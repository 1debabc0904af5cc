import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { getScores, putScores } from "@/server/priority/scores";

export const dynamic = "force-dynamic";

type Params = { key: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => json(await getScores(actor, params.key)));

/** BUSINESS, or the owner or sponsor: `{ scores: [{ criterion, value 1–5, comment? }] }`, your own scores. */
export const PUT = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await putScores(actor, params.key, await readJson(request))),
);

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods({ GET, PUT });
