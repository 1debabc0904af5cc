import { updateTemplate } from "@/server/checklists/manage-templates";
import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

/** ADMIN: `{ items, expectedVersion }` saves a new version of the stage's template. */
export const PUT = apiRoute<{ stage: string }>(async ({ request, actor, params }) =>
  json(await updateTemplate(actor, params.stage, await readJson(request))),
);

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
