import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { submitAssessment } from "@/server/risk/submit-assessment";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ key: string }>(async ({ request, actor, params }) =>
  json(await submitAssessment(actor, params.key, await readJson(request, { emptyAs: {} }))),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
