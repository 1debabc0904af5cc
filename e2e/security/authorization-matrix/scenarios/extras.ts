// Checks of the subtle rules, beyond one cell per role: who may decide a gate, a risk
// officer's own use case, compose previews, one use case's audit events.
import { COMPOSE, type Extra, type Prepared, seedAssessment, seedReview, seedUseCase } from "./kit";

const ownReview = (body: (key: string) => Pick<Prepared, "body" | "args">): Extra => ({
  label: "a risk officer may not review the screening of a use case they own",
  who: "RISK",
  expected: "deny",
  target: "owned",
  prepare: async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "SUBMITTED");
    return { params: { key }, ...body(key), snapshot };
  },
});

/** Checks of the subtle rules, beyond one cell per role. */
export const EXTRAS: Record<string, Extra[]> = {
  "POST /api/v1/gates/[id]/decisions": decisionExtras(),
  "server/actions/gates.ts#decideGateAction": decisionExtras(),
  "POST /api/v1/use-cases/[key]/services/import": [
    {
      label: "a business sponsor previews a compose import (no save): service:manage, as previewComposeAction checks",
      who: "BUSINESS",
      expected: "deny",
      target: "owned",
      prepare: async (cell) => ({
        params: { key: (await seedUseCase(cell)).key },
        query: "baseUrl=http://stack.example.com",
        body: COMPOSE,
        contentType: "application/yaml",
      }),
    },
    {
      label: "a data scientist previews a compose import (no save) on someone else's use case",
      who: "DATA_SCIENTIST",
      expected: "deny",
      prepare: async (cell) => ({
        params: { key: (await seedUseCase(cell)).key },
        query: "baseUrl=http://stack.example.com",
        body: COMPOSE,
        contentType: "application/yaml",
      }),
    },
  ],
  "GET /api/v1/audit": [
    {
      label: "a non-admin reads one use case's events with ?useCase=",
      who: "BUSINESS",
      expected: "allow",
      prepare: async (cell) => ({ query: `useCase=${(await seedUseCase(cell)).key}` }),
    },
  ],
  "GET /admin/audit/export.csv": [
    {
      label: "a non-admin exports one use case's events with ?useCase=",
      who: "IT",
      expected: "allow",
      prepare: async (cell) => ({ query: `useCase=${(await seedUseCase(cell)).key}` }),
    },
  ],
  "POST /api/v1/use-cases/[key]/assessment/review": [
    ownReview(() => ({ body: { decision: "APPROVE", rationale: "Own." } })),
  ],
  "server/actions/risk.ts#reviewAssessmentAction": [
    ownReview((key) => ({ args: [key, { decision: "APPROVE", rationale: "Own." }] })),
  ],
};

function decisionExtras(): Extra[] {
  return [
    {
      label: "IT may not decide G1 (its only decider is BUSINESS)",
      who: "IT",
      expected: "deny",
      prepare: async (cell) => {
        const { review, snapshot } = await seedReview(cell, { stage: "POC" });
        return { params: { id: review.id }, body: {}, args: [review.id, {}], snapshot };
      },
    },
    {
      label: "the requester of a review may not decide it, although their role is a decider",
      who: "BUSINESS",
      expected: "deny",
      prepare: async (cell) => {
        const { review, snapshot } = await seedReview(cell, { requestedById: cell.actor?.user.id });
        return { params: { id: review.id }, body: {}, args: [review.id, {}], snapshot };
      },
    },
    {
      label: "RISK decides G3 of a high-risk use case (its tier adds the risk officer)",
      who: "RISK",
      expected: "allow",
      prepare: async (cell) => {
        const { review, snapshot } = await seedReview(cell, { stage: "PACKAGING", riskTier: "HIGH" });
        return { params: { id: review.id }, body: {}, args: [review.id, {}], snapshot };
      },
    },
    {
      label: "RISK may not decide G3 of a minimal-risk use case",
      who: "RISK",
      expected: "deny",
      prepare: async (cell) => {
        const { review, snapshot } = await seedReview(cell, { stage: "PACKAGING", riskTier: "MINIMAL" });
        return { params: { id: review.id }, body: {}, args: [review.id, {}], snapshot };
      },
    },
    {
      label: "BUSINESS decides G1",
      who: "BUSINESS",
      expected: "allow",
      prepare: async (cell) => {
        const { review, snapshot } = await seedReview(cell, { stage: "POC" });
        return { params: { id: review.id }, body: {}, args: [review.id, {}], snapshot };
      },
    },
  ];
}
