// The organisation's settings. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { OrgSettingsSchema } from "@/lib/validation/value";
import type { Endpoint } from "../endpoint";
import { OrgSettingsResponse, OrgSettingsViewResponse } from "../schemas/settings";

export const SETTINGS_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/settings",
    operationId: "getSettings",
    summary: "The organisation's settings",
    description:
      "Any signed-in user. `probeAllow` (the internal hosts and networks health probes may reach) is shown to ADMIN only.",
    tag: "Settings",
    success: {
      status: 200,
      description: "The settings (defaults until an admin saves them).",
      schema: OrgSettingsViewResponse,
    },
    errors: [401],
  },
  {
    method: "PATCH",
    path: "/api/v1/settings",
    operationId: "updateSettings",
    summary: "Change the organisation's settings",
    description:
      "ADMIN. Only the fields sent are written. `version` (as read) is required (422 without it); a save made after another one is refused with 409 and `current`.",
    tag: "Settings",
    body: { schema: OrgSettingsSchema },
    success: { status: 200, description: "The settings.", schema: OrgSettingsResponse },
    errors: [400, 401, 403, 409, 413, 422],
  },
];
