// Bad-input targets: out-of-office delegation (the actor's own).
import { makeUser } from "@/prisma/seed/factories";
import { type Target, today, withActor } from "./kit";

export const DELEGATIONS_TARGETS: Record<string, Target> = {
  setMyDelegation: {
    as: "BUSINESS",
    setup: async (ctx) => {
      const delegate = await makeUser(ctx.prisma, { role: "BUSINESS", name: `Fuzz delegate ${ctx.tag}` });
      return {
        params: {},
        valid: async () => ({ delegateId: delegate.id, from: today(), to: today() }),
        snapshot: withActor(ctx, () =>
          ctx.prisma.delegation.findMany({
            where: { userId: ctx.actor.id },
            select: { delegateId: true, from: true, to: true, endedAt: true },
            orderBy: { createdAt: "asc" },
          }),
        ),
      };
    },
  },
};
