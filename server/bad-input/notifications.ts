// Bad-input ops at the domain layer: notifications.
import { z } from "zod";
import { db } from "../db";
import { markNotificationsRead } from "../notifications/list-notifications";
import { type Op, withActor } from "./kit";

export const NOTIFICATIONS_OPS: Record<string, Op> = {
  markNotificationsRead: {
    as: "BUSINESS",
    schema: z.unknown(),
    setup: async (ctx) => {
      await db.notification.create({ data: { userId: ctx.actor.id, kind: "TEST", title: "Unread", href: "/" } });
      return {
        // The action sends `ids.map(String)` when given a list.
        call: (input) => markNotificationsRead(ctx.actor, Array.isArray(input) ? input.map(String) : ["none"]),
        id: "",
        valid: async () => ["cnotanotification0000000"],
        snapshot: withActor(ctx, async () => null),
      };
    },
  },
};
