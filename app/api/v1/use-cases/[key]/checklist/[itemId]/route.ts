import { updateChecklistItem } from "@/server/checklists/update-checklist-item";
import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute<{ key: string; itemId: string }>(async ({ request, actor, params }) =>
  json(await updateChecklistItem(actor, params.key, params.itemId, await readJson(request))),
);

export const { GET, POST, PUT, DELETE, OPTIONS } = otherMethods({ PATCH });
