import { listGates } from "@/server/gates/list-gates";
import { requestGateReview } from "@/server/gates/request-gate-review";
import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

type Params = { key: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => json(await listGates(actor, params.key)));

/** Request the review of the gate out of the current stage (an empty body is allowed). */
export const POST = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await requestGateReview(actor, params.key, await readJson(request, { emptyAs: {} })), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
