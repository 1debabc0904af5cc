// Bad-input ops at the domain layer: the caller's API tokens.
import { ApiTokenCreateSchema } from "@/lib/validation/api-token";
import { signedIn } from "@/prisma/seed/factories";
import { createMyApiToken, revokeMyApiToken } from "../auth/my-api-tokens";
import { db } from "../db";
import { idOnly, type Op, withActor } from "./kit";

export const TOKENS_OPS: Record<string, Op> = {
  createMyApiToken: {
    as: "IT",
    schema: ApiTokenCreateSchema,
    setup: async (ctx) => ({
      call: (input) => createMyApiToken(signedIn(ctx.actor), input),
      id: "",
      valid: async () => ({ name: `Fuzz ${ctx.tag}` }),
      snapshot: withActor(ctx, async () => db.apiToken.count({ where: { userId: ctx.actor.id } })),
    }),
  },
  revokeMyApiToken: {
    as: "IT",
    setup: async (ctx) => {
      const created = await createMyApiToken(signedIn(ctx.actor), { name: "To revoke" });
      return idOnly(
        created.id,
        (id) => revokeMyApiToken(ctx.actor, id),
        withActor(ctx, async () =>
          db.apiToken.findMany({ where: { userId: ctx.actor.id }, select: { revokedAt: true } }),
        ),
      );
    },
  },
};
