// Bad-input targets: webhooks.
import { api, chatChannel, type Target, webhook, webhookState, withActor } from "./kit";

export const WEBHOOKS_TARGETS: Record<string, Target> = {
  createChatChannel: {
    as: "ADMIN",
    setup: async (ctx) => ({
      params: {},
      valid: async () => ({
        tool: "SLACK",
        name: `Fuzz ${ctx.tag}`,
        url: "http://127.0.0.1:9/services/T0/B0/fuzz",
        events: ["gate.decided"],
        active: false,
      }),
      snapshot: withActor(ctx, async () => ({
        channels: await ctx.prisma.webhook.count({ where: { createdById: ctx.actor.id } }),
      })),
      cleanup: async () => {
        await ctx.prisma.webhook.deleteMany({ where: { createdById: ctx.actor.id } });
      },
    }),
  },
  updateChatChannel: {
    as: "ADMIN",
    setup: async (ctx) => {
      const channel = await chatChannel(ctx);
      return {
        params: { id: channel.id },
        valid: async () => ({
          version: (await ctx.prisma.webhook.findUniqueOrThrow({ where: { id: channel.id } })).version,
          name: "Edited",
          events: ["service.down"],
          active: false,
        }),
        snapshot: withActor(ctx, () => webhookState(ctx.prisma, channel.id)),
      };
    },
  },
  deleteChatChannel: {
    as: "ADMIN",
    setup: async (ctx) => {
      const channel = await chatChannel(ctx);
      return { params: { id: channel.id }, snapshot: withActor(ctx, () => webhookState(ctx.prisma, channel.id)) };
    },
  },
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
