// Contract cases: cost lines.
import { api, type Case, seedUseCase, today } from "./kit";

export const COSTS_CASES: Record<string, Case> = {
  listCosts: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      await api(ctx, "IT", "POST", `/api/v1/use-cases/${uc.key}/costs`, {
        period: today().slice(0, 7),
        category: "CLOUD",
        amount: "420.00",
      });
      return { params: { key: uc.key } };
    },
    noForbiddenRole: "every role reads every use case",
  },
  createCost: {
    // BUSINESS records on any use case; DATA_SCIENTIST and ADMIN only as owner or sponsor (403 here).
    as: "BUSINESS",
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: { period: today().slice(0, 7), category: "LICENCES", amount: "1250.50", note: "Annual seat, this month" },
    }),
    // The same (period, category) again.
    repeat: 409,
    probes: [
      {
        label: "FTE days on a cloud cost",
        request: (_ctx, valid) => ({ ...valid, body: { ...(valid.body as object), category: "CLOUD", fteDays: "2" } }),
        status: 422,
      },
    ],
  },
};
