// Bad-input ops at the domain layer: gate reviews, votes and conditions.
import { DecisionSchema, GateRequestSchema } from "@/lib/validation/gate";
import { useCaseState } from "@/test-support/bad-input-targets/kit";
import { db } from "../db";
import { closeCondition } from "../gates/close-condition";
import { decideGate } from "../gates/decide-gate";
import { requestGateReview } from "../gates/request-gate-review";
import { atKey, idOnly, type Op, seedUseCase, withActor } from "./kit";

export const GATES_OPS: Record<string, Op> = {
  requestGateReview: {
    as: "ADMIN",
    schema: GateRequestSchema,
    setup: (ctx) =>
      atKey(ctx, G1_READY, requestGateReview, async () => ({
        note: "Ready",
        evidenceUrls: ["https://wiki.example.com/poc"],
      })),
  },
  decideGate: {
    as: "BUSINESS",
    schema: DecisionSchema,
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, G1_READY);
      const review = await requestGateReview(ctx.admin, uc.key, { note: "Ready" });
      return {
        call: (input, id) => decideGate(ctx.actor, id, input),
        id: review.id,
        valid: async () => ({ decision: "GO", rationale: "The POC holds" }),
        snapshot: withActor(ctx, () => useCaseState(db, uc.id)),
      };
    },
  },
  closeCondition: {
    as: "ADMIN",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, G1_READY);
      const review = await requestGateReview(ctx.admin, uc.key, { note: "Ready" });
      const decided = await decideGate(ctx.business, review.id, {
        decision: "CONDITIONAL_GO",
        rationale: "Go, with a data contract",
        conditions: [
          {
            text: "Sign it",
            ownerId: ctx.owner.id,
            dueOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
          },
        ],
      });
      const condition = decided.conditions[0];
      if (!condition) throw new Error("no condition");
      return idOnly(
        condition.id,
        (id) => closeCondition(ctx.actor, id),
        withActor(ctx, () => useCaseState(db, uc.id)),
      );
    },
  },
};

const G1_READY = {
  output: "Churn risk per customer",
  outcome: "Fewer customers lost",
  benefitArea: "REVENUE_GROWTH" as const,
  ebitda: { low: "100000", base: "200000", high: "300000" },
  pocResult: "AUC 0.81",
};
