// Bad-input targets: the organisation's settings.
import { json, type Target, withActor } from "./kit";

export const SETTINGS_TARGETS: Record<string, Target> = {
  updateSettings: {
    as: "ADMIN",
    setup: async (ctx) => {
      const read = async () => json(await ctx.prisma.orgSettings.findUnique({ where: { id: 1 } }));
      return {
        params: {},
        valid: async () => ({ version: ((await read()) as { version?: number } | null)?.version ?? 1 }),
        // The settings are one shared row: a body the schema accepts is sent with the current
        // values (a save that changes nothing), so the fuzz never changes what others test.
        neutralise: async (body) => {
          const response = await ctx.request.get("/api/v1/settings", {
            headers: { authorization: `Bearer ${ctx.admin.token}` },
          });
          const current = (await response.json()) as Record<string, unknown>;
          return Object.fromEntries(Object.keys(body).map((key) => [key, current[key]]));
        },
        snapshot: withActor(ctx, async () => {
          const row = (await read()) as Record<string, unknown> | null;
          return row
            ? {
                currency: row.currency,
                probeAllow: row.probeAllow,
                stageProbabilities: row.stageProbabilities,
                stalledDays: row.stalledDays,
              }
            : null;
        }),
      };
    },
  },
};
