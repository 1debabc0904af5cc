// Bad-input ops at the domain layer: saved views of the use-case list and the list's columns.
import { ListColumnsSchema, SavedViewCreateSchema, SavedViewUpdateSchema } from "@/lib/validation/view";
import { db } from "../db";
import { createView, deleteView, setMyListColumns, updateView } from "../views/saved-views";
import { type Ctx, idOnly, type Op, withActor } from "./kit";

const viewsOf = (ctx: Ctx) => () =>
  db.savedView.findMany({
    where: { ownerId: ctx.actor.id },
    select: { id: true, name: true, shared: true, query: true, columns: true, version: true },
    orderBy: { createdAt: "asc" },
  });

const ownView = (ctx: Ctx) =>
  db.savedView.create({ data: { ownerId: ctx.actor.id, name: `Fuzz ${ctx.tag}`, query: "", columns: [] } });

export const VIEWS_OPS: Record<string, Op> = {
  createView: {
    as: "BUSINESS",
    schema: SavedViewCreateSchema,
    setup: async (ctx) => ({
      call: (input) => createView(ctx.actor, input),
      id: "",
      valid: async () => ({ name: `Created ${ctx.tag}`, shared: false, query: "stage=POC", columns: ["stage"] }),
      snapshot: withActor(ctx, viewsOf(ctx)),
      cleanup: async () => {
        await db.savedView.deleteMany({ where: { ownerId: ctx.actor.id } });
      },
    }),
  },
  updateView: {
    as: "BUSINESS",
    schema: SavedViewUpdateSchema,
    setup: async (ctx) => {
      const view = await ownView(ctx);
      return {
        call: (input, id) => updateView(ctx.actor, id, input),
        id: view.id,
        valid: async () => ({
          version: (await db.savedView.findUniqueOrThrow({ where: { id: view.id } })).version,
          name: `Edited ${ctx.tag}`,
          query: "sort=value",
        }),
        snapshot: withActor(ctx, viewsOf(ctx)),
      };
    },
  },
  deleteView: {
    as: "BUSINESS",
    setup: async (ctx) => {
      const view = await ownView(ctx);
      return idOnly(view.id, (id) => deleteView(ctx.actor, id), withActor(ctx, viewsOf(ctx)));
    },
  },
  setListColumns: {
    as: "IT",
    schema: ListColumnsSchema,
    setup: async (ctx) => ({
      call: (input) => setMyListColumns(ctx.actor, input),
      id: "",
      valid: async () => ({ columns: ["stage", "owner"] }),
      snapshot: async () => (await db.user.findUniqueOrThrow({ where: { id: ctx.actor.id } })).useCaseColumns,
    }),
  },
};
