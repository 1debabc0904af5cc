import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { getRepository, setRepository } from "@/server/registry/code-repository";

export const dynamic = "force-dynamic";

type Params = { key: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => json(await getRepository(actor, params.key)));

/** `{ url }`: the use case's code repository (any Git host; no network call). */
export const PUT = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await setRepository(actor, params.key, await readJson(request))),
);

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods({ GET, PUT });
