// The demo portfolio's priority scores: the sponsor (BUSINESS) and the owner score every active
// use case on the default model's four people-scored criteria, with a reason, so the use-case
// list sorts by priority with ranks and each use case's Priority section shows who scored what.
import type { PrismaClient } from "../client";

const CRITERIA = ["business-value", "feasibility", "data-readiness", "strategic-fit"] as const;
const REASONS: Record<(typeof CRITERIA)[number], string> = {
  "business-value": "From the value case",
  feasibility: "Team's judgement after the POC",
  "data-readiness": "Data audit",
  "strategic-fit": "Against this year's goals",
};

export async function seedDemoScores(
  prisma: PrismaClient,
  useCases: { id: string; status: string }[],
  scorers: string[],
): Promise<void> {
  const data = useCases.flatMap((useCase, n) =>
    useCase.status === "STOPPED"
      ? []
      : CRITERIA.flatMap((criterion, c) =>
          scorers.map((scorerId, s) => ({
            useCaseId: useCase.id,
            criterion,
            scorerId,
            // A spread of 1–5 that differs by use case, criterion and scorer (deterministic).
            value: 1 + ((n * 7 + c * 3 + s * 2) % 5),
            comment: REASONS[criterion],
          })),
        ),
  );
  await prisma.useCaseScore.createMany({ data });
}
