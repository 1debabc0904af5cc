import { apiRoute, json, readJson } from "@/server/http/api-route";
import { getOrgSettings, updateOrgSettings } from "@/server/settings/org-settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => json(await getOrgSettings()));

/**
 * ADMIN: `{ currency?, probeAllow?, stageProbabilities?, stalledDays?, probeIntervalMinutes?, version? }`;
 * with `version`, a stale save gets 409 with `current`.
 */
export const PATCH = apiRoute(async ({ request, actor }) =>
  json(await updateOrgSettings(actor, await readJson(request))),
);
