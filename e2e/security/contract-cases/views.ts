// Contract cases: saved views of the use-case list. The records are the admin's shared views:
// every role reads them, only their owner changes them (the others get 403).
import type { Case, Ctx } from "./kit";

async function sharedView(ctx: Ctx) {
  return ctx.prisma.savedView.create({
    data: {
      ownerId: ctx.actors.ADMIN.id,
      name: `Contract ${ctx.tag} ${Math.random().toString(36).slice(2, 8)}`,
      shared: true,
      query: "stage=POC",
      columns: ["key", "title", "stage"],
    },
  });
}

export const VIEWS_CASES: Record<string, Case> = {
  listViews: {
    setup: async (ctx) => {
      await sharedView(ctx);
      return {};
    },
  },
  createView: {
    // Shared: DATA_SCIENTIST, IT and RISK may save personal views only (403).
    setup: async (ctx) => ({ body: { name: `Contract ${ctx.tag}`, shared: true, query: "?sort=value&stage=POC" } }),
    repeat: 422,
    invalid: (valid) => [
      { body: { ...(valid.body as object), name: "" } },
      { body: { ...(valid.body as object), columns: ["no-such-column"] } },
    ],
    probes: [
      {
        label: "a personal view, any role",
        as: "RISK",
        request: (ctx) => ({ body: { name: `Personal ${ctx.tag}`, columns: ["stage"] } }),
        status: 201,
      },
    ],
  },
  getView: {
    setup: async (ctx) => ({ params: { id: (await sharedView(ctx)).id } }),
  },
  updateView: {
    setup: async (ctx) => {
      const view = await sharedView(ctx);
      return { params: { id: view.id }, body: { version: view.version, name: `Edited ${view.name}` } };
    },
    repeat: 409,
    invalid: (valid) => [
      { params: valid.params, body: { name: "Without a version" } },
      { params: valid.params, body: { version: 1 } },
    ],
    probes: [
      {
        label: "another role makes the shared view its landing view (no version needed)",
        as: "IT",
        request: (_ctx, valid) => ({ params: valid.params, body: { version: 1, default: true } }),
        status: 200,
      },
    ],
  },
  deleteView: {
    setup: async (ctx) => ({ params: { id: (await sharedView(ctx)).id } }),
    repeat: 404,
  },
};
