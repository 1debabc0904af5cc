// Scenarios of the plan, out-of-office delegation and the getting-started checklist.
import { makeUser } from "@/prisma/seed/factories";
import { plainRead, readUseCase, type Scenario, seedUseCase } from "./kit";

/** A plan write on a fresh use case: a refusal leaves it without a revision. */
const planWrite =
  (send: (key: string) => { body?: unknown; args?: unknown[] }): Scenario =>
  async (cell) => {
    const { useCase, key } = await seedUseCase(cell);
    return {
      params: { key },
      ...send(key),
      snapshot: () => cell.prisma.planRevision.count({ where: { useCaseId: useCase.id } }),
    };
  };

export const DELEGATION_SCENARIOS: Record<string, Scenario> = {
  // The plan: a valid first plan (version 0) on the cell's own or someone else's use case.
  "GET /api/v1/use-cases/[key]/plan": readUseCase,
  "PUT /api/v1/use-cases/[key]/plan": planWrite(() => ({ body: { version: 0, production: "2027-06-30" } })),
  "server/actions/plans.ts#setPlanAction": planWrite((key) => ({
    args: [key, { version: 0, production: "2027-06-30" }],
  })),
  // Flow: out-of-office delegation. Invalid inputs for one's own (nothing changes); a seeded
  // delegation between two other users for the admin's end.
  "GET /api/v1/me/delegation": plainRead,
  "PUT /api/v1/me/delegation": async (cell) => ({
    body: { delegateId: 12 },
    snapshot: () => cell.prisma.delegation.count({ where: { userId: cell.actor?.user.id ?? "" } }),
  }),
  "server/actions/delegations.ts#setMyDelegationAction": async (cell) => ({
    args: [{ delegateId: 12 }],
    snapshot: () => cell.prisma.delegation.count({ where: { userId: cell.actor?.user.id ?? "" } }),
  }),
  "server/actions/delegations.ts#endDelegationAction": async (cell) => {
    const away = await makeUser(cell.prisma, { role: "BUSINESS", name: `Matrix away ${cell.marker}` });
    const stand = await makeUser(cell.prisma, { role: "BUSINESS", name: `Matrix delegate ${cell.marker}` });
    const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const delegation = await cell.prisma.delegation.create({
      data: { userId: away.id, delegateId: stand.id, from: today, to: new Date(today.getTime() + 7 * 86_400_000) },
    });
    return {
      args: [delegation.id],
      snapshot: () => cell.prisma.delegation.findUnique({ where: { id: delegation.id }, select: { endedAt: true } }),
    };
  },
  "server/actions/onboarding.ts#dismissGettingStartedAction": async (cell) => ({
    args: [],
    // Each cell's own account: the allowed admin cell must not move what a refused cell checks.
    snapshot: () =>
      cell.prisma.user.findUnique({
        where: { id: (cell.actor?.user ?? cell.world.others.IT).id },
        select: { guideDismissedAt: true },
      }),
  }),
};
