import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { readOrgSettings, updateOrgSettings } from "@/server/settings/org-settings";

export const dynamic = "force-dynamic";

/** Any signed-in user; `probeAllow` (internal hosts) only for ADMIN. */
export const GET = apiRoute(async ({ actor }) => json(await readOrgSettings(actor)));

/**
 * ADMIN: `{ currency?, probeAllow?, stageProbabilities?, stalledDays?, probeIntervalMinutes?, version? }`;
 * with `version`, a stale save gets 409 with `current`.
 */
export const PATCH = apiRoute(async ({ request, actor }) =>
  json(await updateOrgSettings(actor, await readJson(request))),
);

export const { POST, PUT, DELETE, OPTIONS } = otherMethods({ GET, PATCH });
