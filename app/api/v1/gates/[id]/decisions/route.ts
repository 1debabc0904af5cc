import { decideGate } from "@/server/gates/decide-gate";
import { apiRoute, json, readJson } from "@/server/http/api-route";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ request, actor, params }) =>
  json(await decideGate(actor, params.id, await readJson(request)), 201),
);
