// Bad-input ops at the domain layer: the organisation's settings.
import { OrgSettingsSchema } from "@/lib/validation/value";
import { db } from "../db";
import { getOrgSettings, updateOrgSettings } from "../settings/org-settings";
import { type Op, withActor } from "./kit";

export const SETTINGS_OPS: Record<string, Op> = {
  updateOrgSettings: {
    as: "ADMIN",
    schema: OrgSettingsSchema,
    setup: async (ctx) => ({
      call: (input) => updateOrgSettings(ctx.actor, input),
      id: "",
      valid: async () => ({ version: (await getOrgSettings()).version }),
      // One shared row: an accepted input is sent with the current values (changes nothing).
      neutralise: async (input) => {
        const current = (await getOrgSettings()) as Record<string, unknown>;
        return Object.fromEntries(Object.keys(input).map((key) => [key, current[key]]));
      },
      snapshot: withActor(ctx, async () => {
        const row = await db.orgSettings.findUnique({ where: { id: 1 } });
        return row && { ...row, updatedAt: undefined, updatedById: undefined };
      }),
    }),
  },
};
