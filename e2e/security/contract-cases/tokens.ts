// Contract cases: API tokens.
import { createApiToken } from "@/server/auth/api-tokens";
import type { Case } from "./kit";

export const TOKENS_CASES: Record<string, Case> = {
  listApiTokens: {
    setup: async () => ({}),
    noForbiddenRole: "everyone manages their own tokens",
  },
  createApiToken: {
    setup: async (ctx) => ({ body: { name: `Contract ${ctx.tag}`, scope: "read-only", expiresInDays: 30 } }),
    session: true,
    noForbiddenRole: "everyone manages their own tokens",
    invalid: (valid) => [
      { body: { ...(valid.body as object), expiresInDays: 366 } },
      { body: { ...(valid.body as object), expiresInDays: 0 } },
      { body: { ...(valid.body as object), scope: "admin" } },
    ],
    probes: [
      { label: "an API token minting a token", viaToken: true, request: (_ctx, valid) => valid, status: 403 },
      {
        label: "the defaults: read-write, 90 days",
        request: (ctx) => ({ body: { name: `Defaults ${ctx.tag}` } }),
        status: 201,
      },
    ],
  },
  listUserApiTokens: {
    setup: async (ctx) => {
      await createApiToken(ctx.prisma, ctx.owner.email, `Contract list ${ctx.tag}`);
      return { params: { id: ctx.owner.id } };
    },
    adminOnly: true,
  },
  revokeUserApiToken: {
    setup: async (ctx) => {
      const name = `Contract admin revoke ${ctx.tag}`;
      await createApiToken(ctx.prisma, ctx.owner.email, name);
      const row = await ctx.prisma.apiToken.findFirstOrThrow({ where: { userId: ctx.owner.id, name } });
      return { params: { id: ctx.owner.id, tokenId: row.id } };
    },
    adminOnly: true,
    repeat: 200,
    probes: [
      {
        label: "a token of another user than the one in the path",
        request: async (ctx, valid) => {
          const name = `Contract other ${ctx.tag}`;
          await createApiToken(ctx.prisma, ctx.actors.IT.email, name);
          const row = await ctx.prisma.apiToken.findFirstOrThrow({ where: { userId: ctx.actors.IT.id, name } });
          return { params: { id: valid.params?.id ?? "", tokenId: row.id } };
        },
        status: 404,
      },
    ],
  },
  revokeApiToken: {
    setup: async (ctx) => {
      const name = `Contract revoke ${ctx.tag}`;
      await createApiToken(ctx.prisma, ctx.actors.ADMIN.email, name);
      const row = await ctx.prisma.apiToken.findFirstOrThrow({ where: { userId: ctx.actors.ADMIN.id, name } });
      return { params: { id: row.id } };
    },
    noForbiddenRole: "everyone manages their own tokens (another user's is a 404)",
    repeat: 200,
  },
};
