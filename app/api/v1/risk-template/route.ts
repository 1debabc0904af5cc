import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { getRiskTemplate, updateRiskTemplate } from "@/server/risk/questionnaire-templates";

export const dynamic = "force-dynamic";

/** Any signed-in user: the current version, or `?version=N`. */
export const GET = apiRoute(async ({ request, actor }) =>
  json(await getRiskTemplate(actor, new URL(request.url).searchParams.get("version"))),
);

/** ADMIN: `{ title, questions, rules, expectedVersion }` saves the next version (409 with `current` when stale). */
export const PUT = apiRoute(async ({ request, actor }) =>
  json(await updateRiskTemplate(actor, await readJson(request))),
);

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods({ GET, PUT });
