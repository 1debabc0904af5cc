import { apiRoute, json, readJson } from "@/server/http/api-route";
import { submitAssessment } from "@/server/risk/submit-assessment";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ key: string }>(async ({ request, actor, params }) =>
  json(await submitAssessment(actor, params.key, await readJson(request, { emptyAs: {} }))),
);
