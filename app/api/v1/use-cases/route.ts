import { requestQuery } from "@/lib/query-params";
import { apiRoute, json, readJson } from "@/server/http/api-route";
import { decodeCursor, encodeCursor } from "@/server/http/cursor";
import { otherMethods } from "@/server/http/other-methods";
import { parseInput } from "@/server/http/parse-input";
import { bulkUpdateUseCases } from "@/server/use-cases/bulk-update-use-cases";
import { createUseCase } from "@/server/use-cases/create-use-case";
import { listUseCasesPageJson, UseCaseApiQuerySchema } from "@/server/use-cases/list-use-cases";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ request, actor }) => {
  const params = requestQuery(request);
  const { cursor, ...query } = parseInput(UseCaseApiQuerySchema, params);
  const body = await listUseCasesPageJson(actor, { ...query, offset: decodeCursor(cursor ?? null) }, encodeCursor);
  return new Response(body, { headers: { "content-type": "application/json" } });
});

export const POST = apiRoute(async ({ request, actor }) => {
  return json(await createUseCase(actor, await readJson(request)), 201);
});

/** Bulk edit: each row's outcome in a 200 (docs/api-v1.md, "Bulk edit"). */
export const PATCH = apiRoute(async ({ request, actor }) =>
  json(await bulkUpdateUseCases(actor, await readJson(request))),
);

export const { PUT, DELETE, OPTIONS } = otherMethods({ GET, POST, PATCH });
