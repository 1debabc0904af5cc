import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { getAssessment } from "@/server/risk/get-assessment";
import { updateAssessment } from "@/server/risk/update-assessment";

export const dynamic = "force-dynamic";

type Params = { key: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => json(await getAssessment(actor, params.key)));

export const PATCH = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await updateAssessment(actor, params.key, await readJson(request))),
);

export const { POST, PUT, DELETE, OPTIONS } = otherMethods({ GET, PATCH });
