import { requestQuery } from "@/lib/query-params";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { compareFundingSnapshots } from "@/server/priority/funding-snapshots";

export const dynamic = "force-dynamic";

/** Any signed-in user: `?from={id}&to={id}` -> what moved between the two snapshots, and why. */
export const GET = apiRoute(async ({ request, actor }) =>
  json(await compareFundingSnapshots(actor, requestQuery(request))),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
