// Bad-input targets: the risk screening.
import { api, json, seedUseCase, type Target, type TargetCtx, useCaseState, withActor } from "./kit";

export const RISK_TARGETS: Record<string, Target> = {
  updateRiskTemplate: {
    as: "ADMIN",
    setup: async (ctx) => {
      const current = async () => {
        const response = await ctx.request.get("/api/v1/risk-template", {
          headers: { authorization: `Bearer ${ctx.admin.token}` },
        });
        const { title, questions, rules, currentVersion } = (await response.json()) as Record<string, unknown>;
        return { title, questions, rules, expectedVersion: currentVersion };
      };
      return {
        params: {},
        valid: current,
        // The template is shared: only the title and a rule's reason are fuzzed as text, and a body
        // the schema accepts is sent as the current template (a new version that changes nothing).
        textPaths: ["title", "rules.0.reason"],
        neutralise: async () => current(),
        // The versions this actor saved (others save the shared template meanwhile).
        snapshot: withActor(ctx, async () =>
          json(
            await ctx.prisma.riskQuestionnaireTemplate.findMany({
              where: { createdById: ctx.actor.id },
              orderBy: { version: "asc" },
              select: { version: true, title: true, questions: true, rules: true },
            }),
          ),
        ),
      };
    },
  },
  updateAssessment: {
    as: "ADMIN",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, {});
      return {
        params: { key: uc.key },
        valid: async () => ({ answers: SCREENING_ANSWERS, version: await assessmentVersion(ctx, uc.id) }),
        snapshot: withActor(ctx, () => screeningState(ctx, uc.id)),
      };
    },
  },
  submitAssessment: {
    as: "ADMIN",
    setup: async (ctx) => {
      const uc = await screenedUseCase(ctx, false);
      return {
        params: { key: uc.key },
        valid: async () => ({ version: await assessmentVersion(ctx, uc.id) }),
        snapshot: withActor(ctx, () => screeningState(ctx, uc.id)),
      };
    },
  },
  reviewAssessment: {
    as: "RISK",
    setup: async (ctx) => {
      const uc = await screenedUseCase(ctx, true);
      return {
        params: { key: uc.key },
        valid: async () => ({ decision: "APPROVE", rationale: "Annex III: credit scoring." }),
        snapshot: withActor(ctx, () => screeningState(ctx, uc.id)),
      };
    },
  },
  updateModelCard: {
    as: "ADMIN",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, {});
      return {
        params: { key: uc.key },
        valid: async () => ({
          intendedUse: "Recommend credit limits.",
          version: (await ctx.prisma.modelCard.findUnique({ where: { useCaseId: uc.id } }))?.version ?? 0,
        }),
        snapshot: withActor(ctx, async () =>
          json({ card: await ctx.prisma.modelCard.findUnique({ where: { useCaseId: uc.id } }) }),
        ),
      };
    },
  },
  createRisk: {
    as: "RISK",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, {});
      return {
        params: { key: uc.key },
        valid: async () => ({ title: "Proxy discrimination", category: "BIAS_FAIRNESS", likelihood: 4, impact: 4 }),
        snapshot: withActor(ctx, async () =>
          json(await ctx.prisma.useCaseRisk.findMany({ where: { useCaseId: uc.id } })),
        ),
      };
    },
  },
  updateRisk: {
    as: "RISK",
    setup: async (ctx) => {
      const uc = await seedUseCase(ctx, {});
      const risk = await ctx.prisma.useCaseRisk.create({
        data: { useCaseId: uc.id, title: "Data drift", category: "ROBUSTNESS", likelihood: 3, impact: 3 },
      });
      return {
        params: { key: uc.key, id: risk.id },
        valid: async () => ({
          mitigation: "Weekly drift report.",
          version: (await ctx.prisma.useCaseRisk.findUniqueOrThrow({ where: { id: risk.id } })).version,
        }),
        snapshot: withActor(ctx, async () => json(await ctx.prisma.useCaseRisk.findUnique({ where: { id: risk.id } }))),
      };
    },
  },
};

/** A complete screening of a credit-scoring use case (HIGH). */
const SCREENING_ANSWERS = {
  prohibitedPractices: ["none"],
  annexIIIAreas: ["essential-services"],
  safetyComponent: false,
  interactsWithPeople: false,
  generatesContent: false,
  personalData: true,
  affectedPeople: "Loan applicants",
  humanOversight: "in-the-loop",
};

async function assessmentVersion(ctx: TargetCtx, useCaseId: string): Promise<number> {
  return (await ctx.prisma.riskAssessment.findUnique({ where: { useCaseId } }))?.version ?? 0;
}

/** A use case whose screening is answered by an admin (and submitted when `submitted`). */
async function screenedUseCase(ctx: TargetCtx, submitted: boolean) {
  const uc = await seedUseCase(ctx, {});
  await api(ctx, "PATCH", `/api/v1/use-cases/${uc.key}/assessment`, { answers: SCREENING_ANSWERS, version: 0 });
  if (submitted) await api(ctx, "POST", `/api/v1/use-cases/${uc.key}/assessment/submit`, {});
  return uc;
}

/** useCaseState, under a name the hooks lint does not mistake for a React hook. */
const readUseCaseState = useCaseState;

/** The use case (and its children) plus its screening and the screening's history. */
async function screeningState(ctx: TargetCtx, useCaseId: string) {
  const assessment = await ctx.prisma.riskAssessment.findUnique({ where: { useCaseId } });
  const history = assessment
    ? await ctx.prisma.riskAssessmentEvent.count({ where: { assessmentId: assessment.id } })
    : 0;
  const target = await readUseCaseState(ctx.prisma, useCaseId);
  return json({ useCase: target, assessment, history });
}
