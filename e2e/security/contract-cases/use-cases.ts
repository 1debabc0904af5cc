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
  bulkUpdateUseCases: {
    setup: async (ctx) => {
      const { key } = await seedUseCase(ctx);
      return { body: { keys: [key], set: { addTags: ["contract-bulk"] }, expectedVersions: { [key]: 1 } } };
    },
    invalid: (valid): Req[] => [
      { body: { ...(valid.body as object), set: { team: "Retail" } } },
      { body: { filter: { stage: "NOWHERE" }, set: { addTags: ["x"] } } },
    ],
    probes: [
      {
        label: "a stale version is a per-row conflict in a 200",
        request: (_ctx, valid) => {
          const body = valid.body as { keys: string[] };
          return { body: { ...body, expectedVersions: { [body.keys[0] as string]: 7 } } };
        },
        status: 200,
      },
    ],
  },
  listUseCaseTags: {
    setup: async (ctx) => {
      await seedUseCase(ctx, { tags: ["contract-tag"] });
      return { query: { q: "contract", limit: "5" } };
    },
    noForbiddenRole: "every role reads every use case",
    invalid: (): Req[] => [{ query: { colour: "blue" } }, { query: { limit: "9999" } }],
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
