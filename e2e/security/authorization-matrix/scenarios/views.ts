// Scenarios of saved views and the use-case list's columns. A cell's view is its actor's own
// ("owned") or another user's personal one ("foreign": a 404, its existence not revealed).
import type { Cell } from "../world";
import { plainRead, type Scenario } from "./kit";

async function seedView(cell: Cell) {
  const owner = cell.target === "owned" && cell.actor ? cell.actor.user : cell.world.others.DATA_SCIENTIST;
  const view = await cell.prisma.savedView.create({
    data: { ownerId: owner.id, name: `Matrix ${cell.marker}`, query: "stage=POC", columns: ["key", "title"] },
  });
  const snapshot = () =>
    cell.prisma.savedView.findUnique({ where: { id: view.id }, select: { name: true, version: true, query: true } });
  return { view, snapshot };
}

const viewsNamed = (cell: Cell) => () => cell.prisma.savedView.count({ where: { name: `Matrix ${cell.marker}` } });

const onView =
  (send: (id: string, version: number, cell: Cell) => { body?: unknown; args?: unknown[] }): Scenario =>
  async (cell) => {
    const { view, snapshot } = await seedView(cell);
    return { params: { id: view.id }, ...send(view.id, view.version, cell), snapshot, notFoundRefuses: true };
  };

export const VIEW_SCENARIOS: Record<string, Scenario> = {
  "GET /api/v1/views": plainRead,
  "POST /api/v1/views": async (cell) => ({ body: { name: `Matrix ${cell.marker}` }, snapshot: viewsNamed(cell) }),
  "GET /api/v1/views/[id]": onView(() => ({})),
  "PATCH /api/v1/views/[id]": onView((_id, version, cell) => ({ body: { version, name: `Renamed ${cell.marker}` } })),
  "DELETE /api/v1/views/[id]": onView(() => ({})),
  "server/actions/views.ts#createViewAction": async (cell) => ({
    args: [{ name: `Matrix ${cell.marker}` }],
    snapshot: viewsNamed(cell),
  }),
  "server/actions/views.ts#updateViewAction": onView((id, version, cell) => ({
    args: [id, { version, name: `Renamed ${cell.marker}` }],
  })),
  "server/actions/views.ts#deleteViewAction": onView((id) => ({ args: [id] })),
  "server/actions/views.ts#setListColumnsAction": async (cell) => ({
    args: [{ columns: ["stage"] }],
    // Each cell's own account: an allowed cell must not move what a refused cell checks.
    snapshot: () =>
      cell.prisma.user.findUnique({
        where: { id: (cell.actor?.user ?? cell.world.others.IT).id },
        select: { useCaseColumns: true },
      }),
  }),
};
