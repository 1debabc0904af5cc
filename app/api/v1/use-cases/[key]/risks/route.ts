import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { listRisks } from "@/server/risk/list-risks";
import { createRisk } from "@/server/risk/save-risk";

export const dynamic = "force-dynamic";

type Params = { key: string };

/** The use case's risk register, the highest score first. */
export const GET = apiRoute<Params>(async ({ actor, params }) => json(await listRisks(actor, params.key)));

export const POST = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await createRisk(actor, params.key, await readJson(request)), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
