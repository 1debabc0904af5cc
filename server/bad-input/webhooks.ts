// Bad-input ops at the domain layer: webhooks and their deliveries.
import { ChatChannelCreateSchema, ChatChannelUpdateSchema } from "@/lib/validation/chat-channel";
import { WebhookCreateSchema, WebhookUpdateSchema } from "@/lib/validation/webhook";
import { db } from "../db";
import { createChatChannel, deleteChatChannel, updateChatChannel } from "../webhooks/chat-channels";
import { retryDelivery, sendTestDelivery } from "../webhooks/deliveries";
import { createWebhook, deleteWebhook, rotateWebhookSecret, updateWebhook } from "../webhooks/manage-webhooks";
import { type Ctx, idOnly, type Op, withActor } from "./kit";

export const WEBHOOKS_OPS: Record<string, Op> = {
  createChatChannel: {
    as: "ADMIN",
    schema: ChatChannelCreateSchema,
    setup: async (ctx) => ({
      call: (input) => createChatChannel(ctx.actor, input),
      id: "",
      valid: async () => ({
        tool: "TEAMS",
        name: "Created",
        url: "http://127.0.0.1:9/webhookb2/created",
        events: ["gate.decided"],
        active: false,
      }),
      snapshot: withActor(ctx, async () => db.webhook.count({ where: { createdById: ctx.actor.id } })),
      cleanup: async () => {
        await db.webhook.deleteMany({ where: { createdById: ctx.actor.id } });
      },
    }),
  },
  updateChatChannel: {
    as: "ADMIN",
    schema: ChatChannelUpdateSchema,
    setup: async (ctx) => {
      const channel = await makeChatChannel(ctx);
      return {
        call: (input, id) => updateChatChannel(ctx.actor, id, input),
        id: channel.id,
        valid: async () => ({
          version: (await db.webhook.findUniqueOrThrow({ where: { id: channel.id } })).version,
          name: "Edited",
          active: false,
        }),
        snapshot: withActor(ctx, () => webhookState(channel.id)),
      };
    },
  },
  deleteChatChannel: {
    as: "ADMIN",
    setup: async (ctx) => {
      const channel = await makeChatChannel(ctx);
      return idOnly(
        channel.id,
        (id) => deleteChatChannel(ctx.actor, id),
        withActor(ctx, () => webhookState(channel.id)),
      );
    },
  },
  createWebhook: {
    as: "ADMIN",
    schema: WebhookCreateSchema,
    setup: async (ctx) => ({
      call: (input) => createWebhook(ctx.actor, input),
      id: "",
      valid: async () => ({
        url: "http://127.0.0.1:9/created",
        events: ["stage.changed"],
        active: false,
        description: "Created",
      }),
      snapshot: withActor(ctx, async () => db.webhook.count({ where: { createdById: ctx.actor.id } })),
      // A fuzzed `active: true` would receive other tests' events.
      cleanup: async () => {
        await db.webhook.deleteMany({ where: { createdById: ctx.actor.id } });
      },
    }),
  },
  updateWebhook: {
    as: "ADMIN",
    schema: WebhookUpdateSchema,
    setup: async (ctx) => {
      const hook = await makeWebhook(ctx);
      return {
        call: (input, id) => updateWebhook(ctx.actor, id, input),
        id: hook.id,
        valid: async () => ({
          version: (await db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).version,
          description: "Edited",
          active: false,
        }),
        snapshot: withActor(ctx, () => webhookState(hook.id)),
      };
    },
  },
  deleteWebhook: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await makeWebhook(ctx);
      return idOnly(
        hook.id,
        (id) => deleteWebhook(ctx.actor, id),
        withActor(ctx, () => webhookState(hook.id)),
      );
    },
  },
  rotateWebhookSecret: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await makeWebhook(ctx);
      return idOnly(
        hook.id,
        (id) => rotateWebhookSecret(ctx.actor, id),
        withActor(ctx, () => webhookState(hook.id)),
      );
    },
  },
  sendTestDelivery: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await makeWebhook(ctx);
      return idOnly(
        hook.id,
        (id) => sendTestDelivery(ctx.actor, id),
        withActor(ctx, () => webhookState(hook.id)),
      );
    },
  },
  retryDelivery: {
    as: "ADMIN",
    setup: async (ctx) => {
      const hook = await makeWebhook(ctx);
      const delivery = await db.webhookDelivery.create({
        data: { webhookId: hook.id, event: "ping", payload: {}, status: "FAILED", attempts: 1 },
      });
      return idOnly(
        delivery.id,
        (id) => retryDelivery(ctx.actor, id),
        withActor(ctx, () => webhookState(hook.id)),
      );
    },
  },
};

async function webhookState(id: string) {
  return {
    webhook: await db.webhook.findUnique({ where: { id } }),
    deliveries: await db.webhookDelivery.count({ where: { webhookId: id } }),
  };
}

async function makeWebhook(ctx: Ctx) {
  return createWebhook(ctx.admin, {
    url: "http://127.0.0.1:9/fuzz",
    events: ["gate.decided"],
    description: `Fuzz ${ctx.tag}`,
    active: false,
  });
}

async function makeChatChannel(ctx: Ctx) {
  return createChatChannel(ctx.admin, {
    tool: "SLACK",
    name: `Fuzz ${ctx.tag}`,
    url: "http://127.0.0.1:9/services/T0/B0/fuzz",
    active: false,
  });
}
