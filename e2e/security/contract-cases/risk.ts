// Contract cases: the risk screening.
import { api, type Case, seedUseCase } from "./kit";

/** The current template as the PUT takes it (the same questionnaire again: a new version that changes no screening). */
async function currentTemplateInput(ctx: Parameters<Case["setup"]>[0]) {
  const { json } = await api(ctx, "ADMIN", "GET", "/api/v1/risk-template");
  const { title, questions, rules, currentVersion } = json as {
    title: string;
    questions: unknown[];
    rules: unknown[];
    currentVersion: number;
  };
  return { title, questions, rules, expectedVersion: currentVersion };
}

export const RISK_CASES: Record<string, Case> = {
  getRiskTemplate: {
    setup: async () => ({}),
    invalid: (valid) => [{ ...valid, query: { version: "first" } }],
    probes: [{ label: "a version never saved", request: () => ({ query: { version: "999999" } }), status: 404 }],
  },
  updateRiskTemplate: {
    setup: async (ctx) => ({ body: await currentTemplateInput(ctx) }),
    adminOnly: true,
    // The same expectedVersion again is stale.
    repeat: 409,
    probes: [
      {
        label: "a rule naming a question the template does not have",
        request: (_ctx, valid) => {
          const body = valid.body as { rules: unknown[] };
          return {
            body: {
              ...body,
              rules: [...body.rules, { question: "noSuchQuestion", tier: "HIGH", reason: "Never", equals: true }],
            },
          };
        },
        status: 422,
      },
    ],
  },
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
  getModelCard: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  updateModelCard: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: { intendedUse: "Recommend credit limits to the credit officers.", version: 0 },
    }),
    // The same version again: stale now.
    repeat: 409,
    probes: [
      {
        label: "a field the model card does not have",
        request: (_ctx, valid) => ({ ...valid, body: { accuracy: "0.9", version: 0 } }),
        status: 422,
      },
    ],
  },
  listRisks: {
    setup: async (ctx) => ({ params: { key: (await seedUseCase(ctx)).key } }),
    noForbiddenRole: "every role reads every use case",
  },
  createRisk: {
    setup: async (ctx) => ({
      params: { key: (await seedUseCase(ctx)).key },
      body: { title: "Proxy discrimination", category: "BIAS_FAIRNESS", likelihood: 4, impact: 4 },
    }),
    probes: [
      {
        label: "an impact beyond 5",
        request: (_ctx, valid) => ({ ...valid, body: { ...(valid.body as object), impact: 6 } }),
        status: 422,
      },
      {
        label: "an admin accepting a risk (only RISK or the business owner or sponsor may)",
        request: (_ctx, valid) => ({
          ...valid,
          body: { ...(valid.body as object), status: "ACCEPTED", acceptanceRationale: "Within appetite." },
        }),
        status: 403,
      },
    ],
  },
  updateRisk: {
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx);
      const risk = (await api(ctx, "ADMIN", "POST", `/api/v1/use-cases/${uc.key}/risks`, {
        title: "Data drift",
        category: "ROBUSTNESS",
        likelihood: 3,
        impact: 3,
      })) as { json: { id: string } };
      return { params: { key: uc.key, id: risk.json.id }, body: { mitigation: "Weekly drift report.", version: 1 } };
    },
    // The same version again: stale now.
    repeat: 409,
    probes: [
      {
        label: "accepted without a rationale",
        as: "RISK",
        request: (_ctx, valid) => ({ ...valid, body: { status: "ACCEPTED", acceptanceRationale: "", version: 1 } }),
        status: 422,
      },
    ],
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
