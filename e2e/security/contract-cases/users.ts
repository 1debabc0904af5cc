// Contract cases: managed users.
import { makeUser } from "@/prisma/seed/factories";
import type { Case, Req } from "./kit";

export const USERS_CASES: Record<string, Case> = {
  listUsers: {
    setup: async () => ({ query: { role: "IT" } }),
    adminOnly: true,
    invalid: (): Req[] => [{ query: { status: "nope" } }, { query: { colour: "blue" } }],
  },
  createUser: {
    setup: async (ctx) => ({
      body: { email: `contract-${ctx.tag}@test.roadbook`, name: `Contract ${ctx.tag}`, role: "BUSINESS" },
    }),
    adminOnly: true,
    // The same email again.
    repeat: 409,
  },
  updateUser: {
    setup: async (ctx) => {
      const user = await makeUser(ctx.prisma, { role: "BUSINESS", name: `Contract ${ctx.tag}` });
      return { params: { id: user.id }, body: { team: "Contract", updatedAt: user.updatedAt.toISOString() } };
    },
    adminOnly: true,
    // The same updatedAt again: stale now.
    repeat: 409,
  },
};
