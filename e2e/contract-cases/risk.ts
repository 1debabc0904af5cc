// Contract cases: the risk screening.
import { api, type Case, seedUseCase } from "./kit";

export const RISK_CASES: Record<string, Case> = {
  getAssessment: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  updateAssessment: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: { answers: CREDIT_SCORING_ANSWERS, version: 0 },
    }),
    // The same version again: stale now.
    repeat: 409,
    probes: [
      {
        label: "an answer the template does not know",
        request: (_ctx, valid) => ({ ...valid, body: { answers: { surprise: true }, version: 0 } }),
        status: 422,
      },
    ],
  },
  submitAssessment: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      await api(ctx, "ADMIN", "PATCH", `/api/v1/use-cases/${uc.key}/assessment`, {
        answers: CREDIT_SCORING_ANSWERS,
        version: 0,
      });
      return { params: { key: uc.key }, body: {} };
    },
    // Submitted already.
    repeat: 409,
    probes: [
      {
        label: "required questions unanswered",
        request: async (ctx) => {
          const uc = await seedUseCase(ctx);
          await api(ctx, "ADMIN", "PATCH", `/api/v1/use-cases/${uc.key}/assessment`, {
            answers: { safetyComponent: true },
            version: 0,
          });
          return { params: { key: uc.key }, body: {} };
        },
        status: 422,
      },
    ],
  },
  reviewAssessment: {
    as: "RISK",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      await api(ctx, "ADMIN", "PATCH", `/api/v1/use-cases/${uc.key}/assessment`, {
        answers: CREDIT_SCORING_ANSWERS,
        version: 0,
      });
      await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/assessment/submit`, {});
      return { params: { key: uc.key }, body: { decision: "APPROVE", rationale: "Annex III: credit scoring." } };
    },
    // Reviewed already.
    repeat: 409,
  },
};

/** A complete screening of a credit-scoring use case (HIGH: an Annex III area). */
const CREDIT_SCORING_ANSWERS = {
  prohibitedPractices: ["none"],
  annexIIIAreas: ["essential-services"],
  safetyComponent: false,
  interactsWithPeople: false,
  generatesContent: false,
  personalData: true,
  affectedPeople: "Loan applicants, about 40,000 a year.",
  humanOversight: "in-the-loop",
};
