// Bad-input ops at the domain layer: managed users.
import { UserAdminCreateSchema, UserUpdateSchema } from "@/lib/validation/user";
import { makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { createManagedUser, updateManagedUser } from "../users/manage-users";
import { type Op, withActor } from "./kit";

export const USERS_OPS: Record<string, Op> = {
  createManagedUser: {
    as: "ADMIN",
    schema: UserAdminCreateSchema,
    setup: async (ctx) => {
      const prefix = `fuzz-${ctx.tag}`;
      let n = 0;
      return {
        call: (input) => createManagedUser(ctx.actor, input),
        id: "",
        valid: async () => ({
          email: `${prefix}-${n++}@test.roadbook`,
          name: "Fuzz User",
          role: "BUSINESS",
          team: "Fuzz",
        }),
        snapshot: withActor(ctx, async () => db.user.count({ where: { email: { startsWith: prefix } } })),
      };
    },
  },
  updateManagedUser: {
    as: "ADMIN",
    schema: UserUpdateSchema,
    setup: async (ctx) => {
      const user = await makeUser(db, { role: "BUSINESS" });
      return {
        call: (input, id) => updateManagedUser(ctx.actor, id, input),
        id: user.id,
        valid: async () => ({
          team: "Fuzz team",
          updatedAt: (await db.user.findUniqueOrThrow({ where: { id: user.id } })).updatedAt.toISOString(),
        }),
        snapshot: withActor(ctx, async () =>
          db.user.findUnique({
            where: { id: user.id },
            select: { role: true, team: true, active: true, awaitingRole: true, updatedAt: true },
          }),
        ),
      };
    },
  },
};
