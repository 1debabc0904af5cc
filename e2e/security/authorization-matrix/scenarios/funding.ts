// Scenarios of funding-round snapshots: an empty input for the writes (refused, or 422), so no
// snapshot of the whole portfolio is taken; seeded snapshots for the reads.
import type { Cell } from "../world";
import { plainRead, type Scenario } from "./kit";

/** A snapshot of an empty list, taken by another business user. */
async function seedSnapshot(cell: Cell) {
  return cell.prisma.fundingSnapshot.create({
    data: {
      name: `Matrix ${cell.marker}`,
      createdById: cell.world.others.BUSINESS.id,
      modelVersion: 1,
      model: { formula: "WEIGHTED", criteria: [] },
      rows: [],
      count: 0,
    },
  });
}

/** The snapshots the cell's actor took: a refusal leaves their count as it was. */
const taken = (cell: Cell) => () =>
  cell.prisma.fundingSnapshot.count({ where: { createdById: cell.actor?.user.id ?? "nobody" } });

export const FUNDING_SCENARIOS: Record<string, Scenario> = {
  "GET /api/v1/funding-snapshots": plainRead,
  "POST /api/v1/funding-snapshots": async (cell) => ({ body: {}, snapshot: taken(cell) }),
  "server/actions/priority.ts#createFundingSnapshotAction": async (cell) => ({ args: [{}], snapshot: taken(cell) }),
  "GET /api/v1/funding-snapshots/[id]": async (cell) => ({ params: { id: (await seedSnapshot(cell)).id } }),
  "GET /api/v1/funding-snapshots/compare": async (cell) => {
    const [from, to] = [await seedSnapshot(cell), await seedSnapshot(cell)];
    return { query: `from=${from.id}&to=${to.id}` };
  },
};
