// Contract cases: out-of-office delegation.
import { makeUser } from "@/prisma/seed/factories";
import { type Case, inDays, today } from "./kit";

export const DELEGATIONS_CASES: Record<string, Case> = {
  getMyDelegation: { setup: async () => ({}), as: "BUSINESS" },
  setMyDelegation: {
    as: "BUSINESS",
    setup: async (ctx) => {
      const delegate = await makeUser(ctx.prisma, { role: "BUSINESS", name: `Contract delegate ${ctx.tag}` });
      return { body: { delegateId: delegate.id, from: today(), to: inDays(5) } };
    },
    probes: [
      {
        label: "a delegate of another role",
        request: async (ctx) => ({
          body: { delegateId: (await makeUser(ctx.prisma, { role: "IT" })).id, from: today(), to: inDays(3) },
        }),
        status: 422,
      },
      {
        label: "the last day before the first",
        request: () => ({ body: { delegateId: "x", from: inDays(3), to: today() } }),
        status: 422,
      },
    ],
  },
};
