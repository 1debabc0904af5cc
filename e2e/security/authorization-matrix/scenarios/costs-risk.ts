// Scenarios of cost and net value, and of the risk screening (routes and actions).
import { childWrite, plainRead, readUseCase, type Scenario, seedAssessment, seedModelCard, seedRisk } from "./kit";

export const COSTS_RISK_SCENARIOS: Record<string, Scenario> = {
  // Cost and net value
  "GET /api/v1/use-cases/[key]/costs": readUseCase,
  "POST /api/v1/use-cases/[key]/costs": childWrite(
    (prisma, useCaseId) => prisma.cost.count({ where: { useCaseId } }),
    () => ({ body: {} }),
  ),
  "server/actions/value.ts#createCostAction": childWrite(
    (prisma, useCaseId) => prisma.cost.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, {}] }),
  ),
  // Prioritisation: an empty input (refused or 422), so neither the model nor a score changes.
  "GET /api/v1/scoring-model": plainRead,
  "PUT /api/v1/scoring-model": async (cell) => ({ body: {}, snapshot: () => cell.prisma.scoringModel.count() }),
  "server/actions/priority.ts#updateScoringModelAction": async (cell) => ({
    args: [{}],
    snapshot: () => cell.prisma.scoringModel.count(),
  }),
  "GET /api/v1/use-cases/[key]/scores": readUseCase,
  "PUT /api/v1/use-cases/[key]/scores": childWrite(
    (prisma, useCaseId) => prisma.useCaseScore.count({ where: { useCaseId } }),
    () => ({ body: {} }),
  ),
  "server/actions/priority.ts#putScoresAction": childWrite(
    (prisma, useCaseId) => prisma.useCaseScore.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, {}] }),
  ),
  // The risk screening's template: an empty input (refused or 422), so no version is added.
  "GET /api/v1/risk-template": plainRead,
  "PUT /api/v1/risk-template": async (cell) => ({
    body: {},
    snapshot: () => cell.prisma.riskQuestionnaireTemplate.count(),
  }),
  "server/actions/risk.ts#updateRiskTemplateAction": async (cell) => ({
    args: [{}],
    snapshot: () => cell.prisma.riskQuestionnaireTemplate.count(),
  }),
  // Risk screening: a draft to answer or submit, a submitted one to review (all with an empty input).
  "GET /api/v1/use-cases/[key]/assessment": readUseCase,
  "PATCH /api/v1/use-cases/[key]/assessment": async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "DRAFT");
    return { params: { key }, body: {}, snapshot };
  },
  "POST /api/v1/use-cases/[key]/assessment/submit": async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "DRAFT");
    return { params: { key }, body: { version: 0 }, snapshot };
  },
  "POST /api/v1/use-cases/[key]/assessment/review": async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "SUBMITTED");
    return { params: { key }, body: {}, snapshot };
  },
  "server/actions/risk.ts#saveAssessmentAction": async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "DRAFT");
    return { params: { key }, args: [key, {}], snapshot };
  },
  "server/actions/risk.ts#submitAssessmentAction": async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "DRAFT");
    return { params: { key }, args: [key, { version: 0 }], snapshot };
  },
  "server/actions/risk.ts#reviewAssessmentAction": async (cell) => {
    const { key, snapshot } = await seedAssessment(cell, "SUBMITTED");
    return { params: { key }, args: [key, {}], snapshot };
  },
  // The model card and the risk register (an empty input: refusals come before validation).
  "GET /api/v1/use-cases/[key]/model-card": readUseCase,
  "PATCH /api/v1/use-cases/[key]/model-card": async (cell) => {
    const { key, snapshot } = await seedModelCard(cell);
    return { params: { key }, body: { intendedUse: `Changed by ${cell.marker}`, version: 1 }, snapshot };
  },
  "server/actions/risk.ts#saveModelCardAction": async (cell) => {
    const { key, snapshot } = await seedModelCard(cell);
    return { params: { key }, args: [key, { intendedUse: `Changed by ${cell.marker}`, version: 1 }], snapshot };
  },
  "GET /api/v1/use-cases/[key]/risks": readUseCase,
  "POST /api/v1/use-cases/[key]/risks": childWrite(
    (prisma, useCaseId) => prisma.useCaseRisk.count({ where: { useCaseId } }),
    () => ({ body: {} }),
  ),
  "server/actions/risk.ts#createRiskAction": childWrite(
    (prisma, useCaseId) => prisma.useCaseRisk.count({ where: { useCaseId } }),
    (_cell, key) => ({ args: [key, {}] }),
  ),
  "PATCH /api/v1/use-cases/[key]/risks/[id]": async (cell) => {
    const { key, risk, snapshot } = await seedRisk(cell);
    return { params: { key, id: risk.id }, body: { mitigation: "Changed", version: 1 }, snapshot };
  },
  "server/actions/risk.ts#updateRiskAction": async (cell) => {
    const { key, risk, snapshot } = await seedRisk(cell);
    return { params: { key }, args: [key, risk.id, { mitigation: "Changed", version: 1 }], snapshot };
  },
};
