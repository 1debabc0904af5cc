import { getChecklist } from "@/server/checklists/get-checklist";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

/** `?stage=PROTOTYPE|PACKAGING`; by default the current stage's checklist. */
export const GET = apiRoute<{ key: string }>(async ({ request, actor, params }) =>
  json(await getChecklist(actor, params.key, new URL(request.url).searchParams.get("stage"))),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
