import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { createFundingSnapshot, listFundingSnapshots } from "@/server/priority/funding-snapshots";

export const dynamic = "force-dynamic";

/** Any signed-in user: the snapshots, newest first, without their rows. */
export const GET = apiRoute(async ({ actor }) => json(await listFundingSnapshots(actor)));

/** BUSINESS and ADMIN: `{ name }` -> 201 the snapshot of the ranked list now. */
export const POST = apiRoute(async ({ request, actor }) =>
  json(await createFundingSnapshot(actor, await readJson(request)), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
