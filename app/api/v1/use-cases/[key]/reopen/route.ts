import { reopenUseCase } from "@/server/gates/reopen-use-case";
import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

/** ADMIN: reopen a stopped use case `{ reason }`. */
export const POST = apiRoute<{ key: string }>(async ({ request, actor, params }) =>
  json(await reopenUseCase(actor, params.key, await readJson(request))),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
