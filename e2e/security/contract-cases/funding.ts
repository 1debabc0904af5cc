// Contract cases: funding-round snapshots and their comparison.
import { api, type Case, type Ctx, type Req, seedUseCase } from "./kit";

/** A snapshot taken the way a business user takes one (the API): its id. */
async function takeSnapshot(ctx: Ctx, label: string): Promise<string> {
  const { json } = await api(ctx, "BUSINESS", "POST", "/api/v1/funding-snapshots", {
    name: `Contract ${label} ${ctx.tag}`,
  });
  return (json as { id: string }).id;
}

export const FUNDING_CASES: Record<string, Case> = {
  listFundingSnapshots: { setup: async () => ({}) },
  createFundingSnapshot: {
    // BUSINESS and ADMIN take snapshots; IT and DATA_SCIENTIST get 403.
    setup: async (ctx) => {
      // A scored use case of its own, so the ranked list has a row to check against the schema.
      const uc = await seedUseCase(ctx);
      await api(ctx, "BUSINESS", "PUT", `/api/v1/use-cases/${uc.key}/scores`, {
        scores: [{ criterion: "feasibility", value: 4 }],
      });
      return { body: { name: `Contract round ${ctx.tag}` } };
    },
    probes: [
      {
        label: "a name over 120 characters",
        request: () => ({ body: { name: "x".repeat(121) } }),
        status: 422,
      },
      { label: "a blank name", request: () => ({ body: { name: "   " } }), status: 422 },
    ],
  },
  getFundingSnapshot: {
    setup: async (ctx) => ({ params: { id: await takeSnapshot(ctx, "read") } }),
  },
  compareFundingSnapshots: {
    setup: async (ctx) => {
      const from = await takeSnapshot(ctx, "before");
      const uc = await seedUseCase(ctx);
      await api(ctx, "BUSINESS", "PUT", `/api/v1/use-cases/${uc.key}/scores`, {
        scores: [{ criterion: "business-value", value: 5 }],
      });
      const to = await takeSnapshot(ctx, "after");
      return { query: { from, to } };
    },
    invalid: (valid): Req[] => [
      { query: { from: valid.query?.from ?? "" } },
      { query: { ...valid.query, __unknown: "1" } },
    ],
    probes: [
      {
        label: "an unknown snapshot",
        request: (_ctx, valid) => ({ query: { ...valid.query, to: "c0000000000000000000000000" } }),
        status: 404,
      },
    ],
  },
};
