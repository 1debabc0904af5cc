// Bad-input targets: managed users.
import { makeUser } from "@/prisma/seed/factories";
import { json, type Target, withActor } from "./kit";

export const USERS_TARGETS: Record<string, Target> = {
  createUser: {
    as: "ADMIN",
    setup: async (ctx) => {
      const prefix = `fuzz-${ctx.tag}`;
      let n = 0;
      return {
        params: {},
        // A new address each time: a valid create is a 201, not a 409 for the one before.
        valid: async () => ({
          email: `${prefix}-${n++}@test.roadbook`,
          name: "Fuzz User",
          role: "BUSINESS",
          team: "Fuzz",
        }),
        snapshot: withActor(ctx, async () => ({
          users: await ctx.prisma.user.count({ where: { email: { startsWith: prefix } } }),
        })),
      };
    },
  },
  updateUser: {
    as: "ADMIN",
    setup: async (ctx) => {
      const user = await makeUser(ctx.prisma, { role: "BUSINESS" });
      return {
        params: { id: user.id },
        valid: async () => ({
          team: "Fuzz team",
          updatedAt: (await ctx.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).updatedAt.toISOString(),
        }),
        snapshot: withActor(ctx, async () =>
          json(
            await ctx.prisma.user.findUnique({
              where: { id: user.id },
              select: {
                role: true,
                team: true,
                active: true,
                awaitingRole: true,
                updatedAt: true,
                sessionVersion: true,
              },
            }),
          ),
        ),
      };
    },
  },
};
