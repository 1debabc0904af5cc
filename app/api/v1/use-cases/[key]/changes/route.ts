import { requestQuery } from "@/lib/query-params";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { changesSince } from "@/server/visits/changes-since";

export const dynamic = "force-dynamic";

type Params = { key: string };

/** Other people's changes after `?since=` (ISO date-time), else after the caller's last visit of the page. */
export const GET = apiRoute<Params>(async ({ request, actor, params }) => {
  return json(await changesSince(actor, params.key, requestQuery(request)));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
