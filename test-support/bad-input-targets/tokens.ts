// Bad-input targets: api tokens.
import { makeUser } from "@/prisma/seed/factories";
import { createApiToken } from "@/server/auth/api-tokens";
import { type Target, withActor } from "./kit";

export const TOKENS_TARGETS: Record<string, Target> = {
  createApiToken: {
    as: "IT",
    setup: async (ctx) => ({
      params: {},
      valid: async () => ({ name: `Fuzz ${ctx.tag}` }),
      snapshot: withActor(ctx, async () => ({
        tokens: await ctx.prisma.apiToken.count({ where: { userId: ctx.actor.id } }),
      })),
    }),
  },
  revokeApiToken: {
    as: "IT",
    setup: async (ctx) => {
      const name = `Fuzz revoke ${ctx.tag}`;
      await createApiToken(ctx.prisma, ctx.actor.email, name);
      const row = await ctx.prisma.apiToken.findFirstOrThrow({ where: { userId: ctx.actor.id, name } });
      return {
        params: { id: row.id },
        snapshot: withActor(ctx, async () => ({
          target: await ctx.prisma.apiToken.findUnique({ where: { id: row.id }, select: { revokedAt: true } }),
          revoked: await ctx.prisma.apiToken.count({ where: { userId: ctx.actor.id, revokedAt: { not: null } } }),
        })),
      };
    },
  },
  revokeUserApiToken: {
    as: "ADMIN",
    setup: async (ctx) => {
      // An admin revokes another user's token: the fuzzed ids must leave it (and every other) alone.
      const owner = await makeUser(ctx.prisma, { role: "DATA_SCIENTIST" });
      const name = `Fuzz admin revoke ${ctx.tag}`;
      await createApiToken(ctx.prisma, owner.email, name);
      const row = await ctx.prisma.apiToken.findFirstOrThrow({ where: { userId: owner.id, name } });
      return {
        params: { id: owner.id, tokenId: row.id },
        snapshot: withActor(ctx, async () => ({
          target: await ctx.prisma.apiToken.findUnique({ where: { id: row.id }, select: { revokedAt: true } }),
          revoked: await ctx.prisma.apiToken.count({ where: { userId: owner.id, revokedAt: { not: null } } }),
        })),
      };
    },
  },
};
