import { getMyDelegation, setMyDelegation } from "@/server/delegations/my-delegation";
import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

/** Any signed-in user: their out-of-office delegation, and whom they may vote for today. */
export const GET = apiRoute(async ({ actor }) => json(await getMyDelegation(actor)));

/** `{ delegateId, from, to }` sets it (replacing the current one); `{ delegateId: null }` ends it. */
export const PUT = apiRoute(async ({ request, actor }) => json(await setMyDelegation(actor, await readJson(request))));

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods({ GET, PUT });
