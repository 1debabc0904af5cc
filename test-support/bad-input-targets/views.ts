// Bad-input targets: saved views of the use-case list (the actor's own).
import { type Target, type TargetCtx, withActor } from "./kit";

const viewsOf = (ctx: TargetCtx) => () =>
  ctx.prisma.savedView.findMany({
    where: { ownerId: ctx.actor.id },
    select: { id: true, name: true, shared: true, query: true, columns: true, version: true },
    orderBy: { createdAt: "asc" },
  });

async function ownView(ctx: TargetCtx) {
  return ctx.prisma.savedView.create({
    data: { ownerId: ctx.actor.id, name: `Fuzz ${ctx.tag}`, query: "stage=POC", columns: ["key", "title", "stage"] },
  });
}

export const VIEWS_TARGETS: Record<string, Target> = {
  createView: {
    as: "BUSINESS",
    setup: async (ctx) => ({
      params: {},
      valid: async () => ({ name: `Fuzz ${ctx.tag}`, shared: false, query: "stage=POC", columns: ["stage"] }),
      snapshot: withActor(ctx, viewsOf(ctx)),
    }),
  },
  updateView: {
    as: "BUSINESS",
    setup: async (ctx) => {
      const view = await ownView(ctx);
      return {
        params: { id: view.id },
        valid: async () => ({
          version: (await ctx.prisma.savedView.findUniqueOrThrow({ where: { id: view.id } })).version,
          name: `Edited ${ctx.tag}`,
          query: "sort=value",
          columns: ["owner"],
        }),
        snapshot: withActor(ctx, viewsOf(ctx)),
      };
    },
  },
  deleteView: {
    as: "BUSINESS",
    setup: async (ctx) => {
      const view = await ownView(ctx);
      return { params: { id: view.id }, snapshot: withActor(ctx, viewsOf(ctx)) };
    },
  },
};
