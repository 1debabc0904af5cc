// Bad-input targets: webhooks.
import { api, type Target, webhook, webhookState, withActor } from "./kit";

export const WEBHOOKS_TARGETS: Record<string, Target> = {
  createWebhook: {
    as: "ADMIN",
    setup: async (ctx) => ({
      params: {},
      valid: async () => ({
        url: "http://127.0.0.1:9/created",
        events: ["stage.changed"],
        active: false,
        description: `Fuzz ${ctx.tag}`,
      }),
      snapshot: withActor(ctx, async () => ({
        webhooks: await ctx.prisma.webhook.count({ where: { createdById: ctx.actor.id } }),
      })),
      // A fuzzed `active: true` would receive every other test's events: remove them.
      cleanup: async () => {
        await ctx.prisma.webhook.deleteMany({ where: { createdById: ctx.actor.id } });
      },
    }),
  },
  updateWebhook: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      return {
        params: { id: hook.id },
        valid: async () => ({
          version: (await ctx.prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } })).version,
          description: "Edited",
          url: hook.url,
          events: hook.events,
          active: false,
        }),
        snapshot: withActor(ctx, () => webhookState(ctx.prisma, hook.id)),
      };
    },
  },
  deleteWebhook: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      return { params: { id: hook.id }, snapshot: withActor(ctx, () => webhookState(ctx.prisma, hook.id)) };
    },
  },
  testWebhook: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      return { params: { id: hook.id }, snapshot: withActor(ctx, () => webhookState(ctx.prisma, hook.id)) };
    },
  },
  rotateWebhookSecret: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      return { params: { id: hook.id }, snapshot: withActor(ctx, () => webhookState(ctx.prisma, hook.id)) };
    },
  },
  retryWebhookDelivery: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      const delivery = (await api(ctx, "POST", `/api/v1/webhooks/${hook.id}/test`)) as { id: string };
      return {
        params: { id: delivery.id },
        snapshot: withActor(ctx, () => webhookState(ctx.prisma, hook.id)),
      };
    },
  },
};
