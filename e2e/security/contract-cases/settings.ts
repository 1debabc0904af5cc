// Contract cases: the organisation's settings.
import type { Case } from "./kit";

export const SETTINGS_CASES: Record<string, Case> = {
  getSettings: { setup: async () => ({}) },
  updateSettings: {
    // Only the version: a save that changes nothing (other tests depend on the settings).
    setup: async (ctx) => ({
      body: { version: (await ctx.prisma.orgSettings.findUnique({ where: { id: 1 } }))?.version ?? 1 },
    }),
    adminOnly: true,
    probes: [
      { label: "a bad allow-list entry", request: () => ({ body: { probeAllow: ["not a host!"] } }), status: 422 },
    ],
  },
};
