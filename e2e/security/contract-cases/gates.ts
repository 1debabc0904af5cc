// Contract cases: gate reviews, votes and conditions.
import { api, type Case, type Ctx, inDays, seedUseCase } from "./kit";

export const GATES_CASES: Record<string, Case> = {
  listGates: {
    setup: async (ctx) => ({ params: { key: (await openReview(ctx)).uc.key } }),
    noForbiddenRole: "every role reads every use case",
  },
  requestGateReview: {
    setup: async (ctx) => ({ params: { key: (await g1Ready(ctx)).key }, body: { note: "Ready for G1" } }),
    repeat: 409,
    probes: [
      {
        label: "an empty body is allowed",
        request: (_ctx, valid) => ({ params: valid.params, raw: { data: "", contentType: "application/json" } }),
        status: 201,
      },
      {
        label: "unmet entry criteria",
        request: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key }, body: {} }),
        status: 409,
      },
    ],
  },
  decideGate: {
    as: "BUSINESS",
    setup: async (ctx) => ({
      params: { id: (await openReview(ctx)).reviewId },
      body: { decision: "GO", rationale: "The POC holds" },
    }),
    repeat: 409,
    probes: [
      {
        label: "entry criteria no longer met when the review would pass",
        request: async (ctx) => {
          const { uc, reviewId } = await openReview(ctx);
          await ctx.prisma.useCase.update({ where: { id: uc.id }, data: { pocResult: "" } });
          return { params: { id: reviewId }, body: { decision: "GO", rationale: "The POC holds" } };
        },
        status: 409,
      },
    ],
  },
  closeCondition: {
    setup: async (ctx) => ({ params: { id: (await openCondition(ctx)).conditionId } }),
    repeat: 409,
  },
};

/** A POC use case meeting G1's entry criteria. */
function g1Ready(ctx: Ctx) {
  return seedUseCase(ctx, {
    output: "Churn risk per customer",
    outcome: "Fewer customers lost",
    benefitArea: "REVENUE_GROWTH",
    ebitda: { low: "100000", base: "200000", high: "300000" },
    pocResult: "AUC 0.81",
  });
}

/** An open G1 review (requested through the gates API by ADMIN). */
async function openReview(ctx: Ctx) {
  const uc = await g1Ready(ctx);
  const { json } = await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/gates`, { note: "Ready" });
  return { uc, reviewId: (json as { id: string }).id };
}

/** A G1 review decided go-with-conditions by BUSINESS, one open condition owned by `ctx.owner`. */
async function openCondition(ctx: Ctx) {
  const { uc, reviewId } = await openReview(ctx);
  const { json } = await api(ctx, "BUSINESS", "POST", `/api/v1/gates/${reviewId}/decisions`, {
    decision: "CONDITIONAL_GO",
    rationale: "Go, with a data contract",
    conditions: [{ text: "Sign the data contract", ownerId: ctx.owner.id, dueOn: inDays(14) }],
  });
  const conditionId = (json as { conditions: { id: string }[] }).conditions[0]?.id;
  if (!conditionId) throw new Error("the decision created no condition");
  return { uc, conditionId };
}
