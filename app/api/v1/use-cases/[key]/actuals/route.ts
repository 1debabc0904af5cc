import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { createActual, listActuals } from "@/server/value/actuals";

export const dynamic = "force-dynamic";

type Params = { key: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => json(await listActuals(actor, params.key)));

export const POST = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await createActual(actor, params.key, await readJson(request)), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
