// Contract cases: use cases.
import { type Case, type Req, seedUseCase } from "./kit";

export const USE_CASES_CASES: Record<string, Case> = {
  listUseCases: {
    setup: async (ctx) => {
      await seedUseCase(ctx);
      return { query: { q: ctx.tag, limit: "5" } };
    },
    noForbiddenRole: "every role reads every use case",
    invalid: (): Req[] => [{ query: { colour: "blue" } }, { query: { limit: "500" } }],
  },
  createUseCase: {
    setup: async (ctx) => ({ body: { title: `Contract ${ctx.tag}` } }),
  },
  getUseCase: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  updateUseCase: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key }, body: { version: 1, outcome: "Kept" } }),
    repeat: 409,
  },
  reopenUseCase: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx, { status: "STOPPED" })).key },
      body: { reason: "The sponsor found budget" },
    }),
    adminOnly: true,
    repeat: 409,
  },
};
