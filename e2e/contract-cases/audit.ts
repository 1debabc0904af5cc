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
};

const UNKNOWN_KEY = "UC-99999999";
