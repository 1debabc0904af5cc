import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { getFundingSnapshot } from "@/server/priority/funding-snapshots";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** Any signed-in user: the snapshot with its ranked list. */
export const GET = apiRoute<Params>(async ({ actor, params }) => json(await getFundingSnapshot(actor, params.id)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
