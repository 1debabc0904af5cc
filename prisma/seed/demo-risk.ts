// The demo portfolio's risk screenings (EU AI Act): every use case is screened; credit limits
// are high risk (approved by the risk officer), the HR chatbot limited, the call-centre
// emotion monitoring a prohibited practice (stopped for it), the rest minimal.
import { type Answers, evaluateTier, type RiskTier, SCREENING_V1 } from "../../lib/risk-screening";
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

type Seeded = { id: string; title: string };

/** Screen every demo use case: submitted, and approved by the risk officer where the tier is not minimal. */
export async function seedDemoRisk(
  prisma: PrismaClient,
  useCases: Seeded[],
  people: { DATA_SCIENTIST: string; RISK: string },
) {
  for (const useCase of useCases) {
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
