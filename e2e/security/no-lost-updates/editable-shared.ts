// The versioned records outside a use case: services, webhooks, saved views, chat channels, the
// checklist template, the settings and users.
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { currentTemplate } from "@/test-support/bad-input-targets/kit";
import { api, type Editable, versionOf } from "./editable-kit";

export const SHARED_RECORDS: Record<string, Editable> = {
  updateService: {
    record: "Service.version",
    setup: async (ctx) => {
      const row = await makeUseCase(ctx.prisma, { ownerId: ctx.owner.id });
      const created = (await api(ctx, "POST", `/api/v1/use-cases/UC-${row.number}/services`, {
        name: "Scoring API",
        environment: "DEV",
        url: "http://127.0.0.1:9/score",
      })) as { id: string };
      const values = (i: number, round: number) => ({
        name: `Service r${round} #${i}`,
        note: `Note ${round}.${i}`,
        environment: (["DEV", "STAGING", "PRODUCTION"] as const)[i % 3],
      });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/services/${created.id}`,
          body: { version, ...values(i, round) },
        }),
        values,
        stored: async () => {
          const now = await ctx.prisma.service.findUniqueOrThrow({ where: { id: created.id } });
          return { version: now.version, values: { name: now.name, note: now.note, environment: now.environment } };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateWebhook: {
    record: "Webhook.version",
    setup: async (ctx) => {
      const hook = (await api(ctx, "POST", "/api/v1/webhooks", {
        url: "http://127.0.0.1:9/lost-update",
        events: ["gate.decided"],
        description: `Lost update ${ctx.tag}`,
        active: false,
      })) as { id: string };
      const EVENTS = ["gate.requested", "gate.decided", "stage.changed", "service.down"];
      const values = (i: number, round: number) => ({
        description: `Webhook r${round} #${i}`,
        events: [EVENTS[i % EVENTS.length]],
      });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/webhooks/${hook.id}`,
          body: { version, ...values(i, round) },
        }),
        values,
        stored: async () => {
          const now = await ctx.prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } });
          return { version: now.version, values: { description: now.description, events: now.events } };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateView: {
    record: "SavedView.version",
    setup: async (ctx) => {
      const view = (await api(ctx, "POST", "/api/v1/views", { name: `Lost update ${ctx.tag}` })) as { id: string };
      const values = (i: number, round: number) => ({
        name: `View r${round} #${i} ${ctx.tag}`,
        query: `q=r${round}i${i}`,
      });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/views/${view.id}`,
          body: { version, ...values(i, round) },
        }),
        values,
        stored: async () => {
          const now = await ctx.prisma.savedView.findUniqueOrThrow({ where: { id: view.id } });
          return { version: now.version, values: { name: now.name, query: now.query } };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateChatChannel: {
    record: "Webhook.version (a chat channel)",
    setup: async (ctx) => {
      // Paused, to a closed port of this machine: nothing is ever posted.
      const channel = (await api(ctx, "POST", "/api/v1/chat-channels", {
        tool: "SLACK",
        name: `Lost update ${ctx.tag}`,
        url: "http://127.0.0.1:9/services/T0/B0/lost-update",
        events: ["gate.decided"],
        active: false,
      })) as { id: string };
      const EVENTS = ["gate.requested", "gate.decided", "condition.due", "service.down", "registry.drift"];
      const values = (i: number, round: number) => ({
        name: `Chat channel r${round} #${i}`,
        events: [EVENTS[i % EVENTS.length]],
      });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/chat-channels/${channel.id}`,
          body: { version, ...values(i, round) },
        }),
        values,
        stored: async () => {
          const now = await ctx.prisma.webhook.findUniqueOrThrow({ where: { id: channel.id } });
          return { version: now.version, values: { name: now.description, events: now.events } };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateChecklistTemplate: {
    record: "ChecklistTemplate (a new version per save; the PUT's expectedVersion)",
    shared: true,
    setup: async (ctx) => {
      // The template is shared by every test: the edits add one retired item of this test's own
      // (retired items are not copied into checklists) and keep the others as they are.
      const key = `lost-update-${ctx.tag}`.slice(0, 40);
      let items: Record<string, unknown>[] = [];
      const values = (i: number, round: number) => ({ label: `Lost update r${round} #${i}` });
      return {
        edit: (version, i, round) => ({
          method: "PUT",
          path: "/api/v1/checklist-templates/PROTOTYPE",
          body: {
            expectedVersion: version,
            items: [{ key, section: "Lost update", answerType: "NONE", retired: true, ...values(i, round) }, ...items],
          },
        }),
        values,
        stored: async () => {
          const current = await currentTemplate(ctx, "PROTOTYPE");
          items = current.items;
          const mine = await ctx.prisma.checklistTemplateItem.findFirst({
            where: { key, template: { stage: "PROTOTYPE", version: current.version } },
          });
          return { version: current.version, values: mine ? { label: mine.label } : null };
        },
        currentVersion: versionOf,
      };
    },
  },
  updateSettings: {
    record: "OrgSettings.version",
    shared: true,
    setup: async (ctx) => {
      // One shared row: the edits only add a harmless allow-list entry (a host that cannot
      // resolve), and the allow-list is put back afterwards.
      const read = async () =>
        (await (
          await ctx.request.get("/api/v1/settings", { headers: { authorization: `Bearer ${ctx.admin.token}` } })
        ).json()) as { version: number; probeAllow: string[] };
      const original = (await read()).probeAllow.filter((entry) => !entry.startsWith("lost-update-"));
      // The values are this test's own entries: other tests save the same row meanwhile.
      const values = (i: number, round: number) => ({
        probeAllow: [`lost-update-${ctx.tag}-r${round}-${i}.invalid`],
      });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: "/api/v1/settings",
          body: { version, probeAllow: [...original, ...values(i, round).probeAllow] },
        }),
        values,
        // Before the first save there is no row: the settings read as the defaults, version 1.
        stored: async () => {
          const row = await ctx.prisma.orgSettings.findUnique({ where: { id: 1 } });
          const mine = (row?.probeAllow ?? []).filter((entry) => entry.includes(ctx.tag));
          return { version: row?.version ?? 1, values: { probeAllow: mine } };
        },
        currentVersion: versionOf,
        restore: async () => {
          const now = await read();
          await api(ctx, "PATCH", "/api/v1/settings", {
            version: now.version,
            probeAllow: now.probeAllow.filter((entry) => !entry.startsWith("lost-update-")),
          });
        },
      };
    },
  },
  updateUser: {
    record: "User.updatedAt (users have no version column: updatedAt is the concurrency token)",
    setup: async (ctx) => {
      const user = await makeUser(ctx.prisma, { role: "BUSINESS" });
      const values = (i: number, round: number) => ({ team: `Team r${round} #${i}` });
      return {
        edit: (version, i, round) => ({
          method: "PATCH",
          path: `/api/v1/users/${user.id}`,
          body: { updatedAt: new Date(version).toISOString(), ...values(i, round) },
        }),
        values,
        stored: async () => {
          const now = await ctx.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
          return { version: now.updatedAt.getTime(), values: { team: now.team } };
        },
        currentVersion: (current) => {
          const at = (current as { updatedAt?: string } | null)?.updatedAt;
          return at ? Date.parse(at) : undefined;
        },
        // A later instant, not one more.
        next: (from, to) => to > from,
      };
    },
  },
};
