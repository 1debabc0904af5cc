// Contract cases: webhooks and their deliveries.
import { api, type Case, type Ctx } from "./kit";

export const WEBHOOKS_CASES: Record<string, Case> = {
  listChatChannels: {
    setup: async (ctx) => {
      await chatChannel(ctx);
      return {};
    },
    adminOnly: true,
  },
  createChatChannel: {
    setup: async (ctx) => ({
      body: { tool: "TEAMS", name: `Contract ${ctx.tag}`, url: "http://127.0.0.1:9/webhookb2/created", active: false },
    }),
    adminOnly: true,
    probes: [
      {
        label: "a URL the address policy refuses",
        request: () => ({ body: { tool: "SLACK", name: "x", url: "http://169.254.169.254/latest" } }),
        status: 422,
      },
    ],
  },
  updateChatChannel: {
    setup: async (ctx) => {
      const channel = await chatChannel(ctx);
      return { params: { id: channel.id }, body: { version: channel.version, name: "Edited" } };
    },
    adminOnly: true,
    repeat: 409,
  },
  deleteChatChannel: {
    setup: async (ctx) => ({ params: { id: (await chatChannel(ctx)).id } }),
    adminOnly: true,
    repeat: 404,
  },
  listWebhooks: {
    setup: async (ctx) => {
      await webhook(ctx);
      return {};
    },
    adminOnly: true,
  },
  createWebhook: {
    setup: async (ctx) => ({
      body: { url: "http://127.0.0.1:9/created", events: ["stage.changed"], active: false, description: ctx.tag },
    }),
    adminOnly: true,
    probes: [
      {
        label: "a URL the address policy refuses",
        request: () => ({ body: { url: "http://169.254.169.254/latest", events: ["stage.changed"] } }),
        status: 422,
      },
    ],
  },
  getWebhook: { setup: async (ctx) => ({ params: { id: (await webhook(ctx)).id } }), adminOnly: true },
  updateWebhook: {
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      return { params: { id: hook.id }, body: { version: hook.version, description: "Edited" } };
    },
    adminOnly: true,
    repeat: 409,
  },
  deleteWebhook: {
    setup: async (ctx) => ({ params: { id: (await webhook(ctx)).id } }),
    adminOnly: true,
    repeat: 404,
  },
  testWebhook: { setup: async (ctx) => ({ params: { id: (await webhook(ctx)).id } }), adminOnly: true },
  rotateWebhookSecret: { setup: async (ctx) => ({ params: { id: (await webhook(ctx)).id } }), adminOnly: true },
  listWebhookDeliveries: {
    setup: async (ctx) => {
      const hook = await webhook(ctx);
      await api(ctx, "ADMIN", "POST", `/api/v1/webhooks/${hook.id}/test`);
      return { params: { id: hook.id } };
    },
    adminOnly: true,
  },
  retryWebhookDelivery: {
    setup: async (ctx) => ({ params: { id: (await failedDelivery(ctx)).id } }),
    adminOnly: true,
    repeat: 200,
  },
};

/** An inactive webhook (no event reaches it) to a closed port of this machine. */
async function webhook(ctx: Ctx) {
  const { json } = await api(ctx, "ADMIN", "POST", "/api/v1/webhooks", {
    url: "http://127.0.0.1:9/roadbook",
    events: ["gate.decided"],
    description: `Contract ${ctx.tag}`,
    active: false,
  });
  return json as { id: string; version: number };
}

/** A paused Slack channel to a closed port of this machine. */
async function chatChannel(ctx: Ctx) {
  const { json } = await api(ctx, "ADMIN", "POST", "/api/v1/chat-channels", {
    tool: "SLACK",
    name: `Contract ${ctx.tag}`,
    url: "http://127.0.0.1:9/services/T0/B0/contract",
    active: false,
  });
  return json as { id: string; version: number };
}

/** A FAILED ping delivery (nothing listens on the port). */
async function failedDelivery(ctx: Ctx) {
  const hook = await webhook(ctx);
  const { json } = await api(ctx, "ADMIN", "POST", `/api/v1/webhooks/${hook.id}/test`);
  return json as { id: string; status: string };
}
