import { requestQuery } from "@/lib/query-params";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { listTags } from "@/server/use-cases/list-tags";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ request, actor }) => json(await listTags(actor, requestQuery(request))));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
