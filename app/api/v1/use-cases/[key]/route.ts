import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { getUseCase } from "@/server/use-cases/get-use-case";
import { updateUseCase } from "@/server/use-cases/update-use-case";

export const dynamic = "force-dynamic";

type Params = { key: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => json(await getUseCase(actor, params.key)));

export const PATCH = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await updateUseCase(actor, params.key, await readJson(request))),
);

export const { POST, PUT, DELETE, OPTIONS } = otherMethods({ GET, PATCH });
