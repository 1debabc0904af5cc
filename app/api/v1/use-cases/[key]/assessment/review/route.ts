import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { reviewAssessment } from "@/server/risk/review-assessment";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ key: string }>(async ({ request, actor, params }) =>
  json(await reviewAssessment(actor, params.key, await readJson(request))),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
