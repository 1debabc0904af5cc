// The demo portfolio's risk screenings (EU AI Act): every use case is screened; credit limits
// are high risk (approved by the risk officer), the HR chatbot limited, the call-centre
// emotion monitoring a prohibited practice (stopped for it), the rest minimal. A few risk
// registers, and the credit-limit model's card.
import { type Answers, evaluateTier, type RiskTier, SCREENING_V1 } from "@/lib/risk-screening";
import type { PrismaClient } from "../client";

const MINIMAL: Answers = {
  prohibitedPractices: ["none"],
  annexIIIAreas: ["none"],
  safetyComponent: false,
  interactsWithPeople: false,
  generatesContent: false,
  personalData: false,
  affectedPeople: "Internal teams who use the predictions.",
  humanOversight: "on-the-loop",
};

/** Answers by use-case title; every other demo use case gets MINIMAL's. */
export const DEMO_SCREENINGS: Record<string, Answers> = {
  "Credit limit recommendation": {
    ...MINIMAL,
    annexIIIAreas: ["essential-services"],
    personalData: true,
    affectedPeople: "Retail customers whose credit limit is set or raised, about 120,000 a year.",
    humanOversight: "in-the-loop",
  },
  "Chatbot for HR questions": {
    ...MINIMAL,
    interactsWithPeople: true,
    generatesContent: true,
    transparencyNotice: "The chat window says it is an AI assistant and offers a person at any time.",
    affectedPeople: "All employees, about 3,000.",
  },
  "Call-centre agent emotion monitoring": {
    ...MINIMAL,
    prohibitedPractices: ["emotion-recognition-work-education"],
    personalData: true,
    affectedPeople: "Call-centre agents, about 400.",
  },
};

/** The credit-limit model's card: every section written (a high-risk use case needs them for G2). */
const CREDIT_LIMIT_CARD = {
  intendedUse: "Recommends a credit limit for retail customers; a credit officer confirms every recommendation.",
  outOfScopeUse: "Business customers, collections, and any decision without a credit officer's confirmation.",
  trainingData: "36 months of limit decisions and repayment histories (2022-2024), 410,000 accounts, pseudonymised.",
  evaluationData: "The last 6 months held out (62,000 accounts), the same population as in production.",
  metrics: "Gini ≥ 0.55 on the holdout; default rate of raised limits ≤ 2.5 %; calibration error ≤ 0.02.",
  ethicalConsiderations: "Uses personal financial data; nationality, gender and age are excluded from the features.",
  limitations: "Weak for customers with under 6 months of history: they go to manual review.",
  fairnessAnalysis: "Approval-rate ratio across age bands and regions ≥ 0.8; checked each quarter.",
  humanOversight: "A credit officer confirms or overrides each recommendation; overrides are reviewed monthly.",
  monitoring: "Weekly drift of the score distribution and monthly default rates, alerting the model owner.",
};

type DemoRisk = {
  title: string;
  category: "BIAS_FAIRNESS" | "PRIVACY" | "SECURITY" | "ROBUSTNESS" | "TRANSPARENCY" | "LEGAL" | "OPERATIONAL";
  likelihood: number;
  impact: number;
  mitigation?: string;
  status?: "OPEN" | "MITIGATED" | "ACCEPTED";
  acceptanceRationale?: string;
};

/** Risk registers by use-case title: the heat map has something to show. */
const DEMO_RISKS: Record<string, DemoRisk[]> = {
  "Credit limit recommendation": [
    {
      title: "Proxy discrimination through postcode",
      category: "BIAS_FAIRNESS",
      likelihood: 4,
      impact: 4,
      mitigation: "Postcode removed from the features; quarterly fairness test across regions.",
    },
    { title: "Customers cannot tell why a limit was set", category: "TRANSPARENCY", likelihood: 3, impact: 4 },
    {
      title: "Model unavailable at month end",
      category: "OPERATIONAL",
      likelihood: 2,
      impact: 3,
      status: "ACCEPTED",
      acceptanceRationale: "Credit officers fall back to the current rules; within the operational risk appetite.",
    },
  ],
  "Chatbot for HR questions": [
    { title: "Wrong answers on leave entitlements", category: "ROBUSTNESS", likelihood: 4, impact: 3 },
  ],
  "Customer churn early warning": [
    {
      title: "Customer data used beyond its purpose",
      category: "PRIVACY",
      likelihood: 2,
      impact: 4,
      mitigation: "Purpose recorded in the processing register; access limited to retention.",
      status: "MITIGATED",
    },
  ],
  "Invoice fraud detection": [
    {
      title: "Fraudsters adapt to the model",
      category: "SECURITY",
      likelihood: 3,
      impact: 3,
      mitigation: "Retrained monthly.",
    },
  ],
  "Next best offer for retail banking": [
    { title: "Offers unsuitable for vulnerable customers", category: "LEGAL", likelihood: 3, impact: 5 },
  ],
};

type Seeded = { id: string; title: string };

/** Screen every demo use case: submitted, and approved by the risk officer where the tier is not minimal. */
export async function seedDemoRisk(
  prisma: PrismaClient,
  useCases: Seeded[],
  people: { DATA_SCIENTIST: string; RISK: string },
) {
  for (const useCase of useCases) {
    for (const risk of DEMO_RISKS[useCase.title] ?? [])
      await prisma.useCaseRisk.create({
        data: {
          useCaseId: useCase.id,
          ...risk,
          ownerId: people.DATA_SCIENTIST,
          acceptedById: risk.status === "ACCEPTED" ? people.RISK : null,
        },
      });
    if (useCase.title === "Credit limit recommendation")
      await prisma.modelCard.create({
        data: { useCaseId: useCase.id, ...CREDIT_LIMIT_CARD, updatedById: people.DATA_SCIENTIST },
      });
    const answers = DEMO_SCREENINGS[useCase.title] ?? MINIMAL;
    const tier: RiskTier = evaluateTier(SCREENING_V1, answers).tier;
    const approved = tier !== "MINIMAL";
    await prisma.useCase.update({ where: { id: useCase.id }, data: { riskTier: tier } });
    if (tier === "UNACCEPTABLE")
      await prisma.gateReview.updateMany({
        where: { useCaseId: useCase.id, decision: "STOP" },
        data: { stopReason: "OTHER", rationale: "A prohibited practice under the EU AI Act (Art. 5): stopped." },
      });
    await prisma.riskAssessment.create({
      data: {
        useCaseId: useCase.id,
        templateVersion: SCREENING_V1.version,
        answers,
        tier,
        status: approved ? "APPROVED" : "SUBMITTED",
        version: approved ? 3 : 2,
        history: {
          create: [
            { revision: 1, action: "SUBMITTED", tier, answers, actorId: people.DATA_SCIENTIST },
            ...(approved
              ? [
                  {
                    revision: 1,
                    action: "APPROVED",
                    tier,
                    answers,
                    rationale:
                      tier === "UNACCEPTABLE"
                        ? "Emotion recognition at the workplace is prohibited (Art. 5(1)(f)): stop it."
                        : tier === "HIGH"
                          ? "Creditworthiness of natural persons: Annex III, point 5(b)."
                          : "A chatbot: people must be told they talk to an AI system (Art. 50(1)).",
                    actorId: people.RISK,
                  },
                ]
              : []),
          ],
        },
      },
    });
  }
}
