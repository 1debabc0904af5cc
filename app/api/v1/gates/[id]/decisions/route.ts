import { decideGate } from "@/server/gates/decide-gate";
import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await decideGate(actor, params.id, await readJson(request)), 201),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
