// Contract cases: the audit trail.
import { type Case, type Req, seedUseCase } from "./kit";

export const AUDIT_CASES: Record<string, Case> = {
  listAuditEvents: {
    setup: async () => ({ query: { limit: "5" } }),
    adminOnly: true,
    invalid: (): Req[] => [{ query: { limit: "0" } }, { query: { __unknown: "1" } }],
    probes: [
      { label: "an unknown use case", request: () => ({ query: { useCase: UNKNOWN_KEY } }), status: 404 },
      {
        label: "one use case's events, for any reader",
        as: "IT",
        request: async (ctx) => ({ query: { useCase: (await seedUseCase(ctx)).key } }),
        status: 200,
      },
    ],
  },
  listUseCaseChanges: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      return { params: { key: uc.key }, query: { since: "2020-01-01T00:00:00Z" } };
    },
    noForbiddenRole: "every role reads every use case",
    invalid: (valid): Req[] => [
      { params: valid.params, query: { since: "yesterday" } },
      { params: valid.params, query: { __unknown: "1" } },
    ],
    probes: [
      { label: "an unknown use case", request: () => ({ params: { key: UNKNOWN_KEY } }), status: 404 },
      {
        label: "no since and no visit yet: nothing to compare with",
        request: (_ctx, valid) => ({ params: valid.params }),
        status: 200,
      },
    ],
  },
};

const UNKNOWN_KEY = "UC-99999999";
