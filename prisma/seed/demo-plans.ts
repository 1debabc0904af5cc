// The demo portfolio's plans: every use case that is not stopped has a planned entry into each
// later stage. Most stages were reached within a week of their target; "Demand forecasting for
// regional warehouses" was planned into production three weeks ago and has not got there (the
// roadmap shows it slipping), and the churn model reached production 20 days late.
import { STAGES, type Stage, type UseCaseStatus } from "@/lib/lifecycle";
import { dayOf, PLAN_FIELDS, PLANNED_STAGES } from "@/lib/plan";
import type { PrismaClient } from "../client";

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_SLIPPED = "Demand forecasting for regional warehouses";
const LATE_IN_PRODUCTION = "Customer churn early warning";

type Seeded = { id: string; title: string; stage: Stage; status: UseCaseStatus; stageEnteredAt: Date };

export async function seedDemoPlans(
  prisma: PrismaClient,
  useCases: Seeded[],
  people: { BUSINESS: string; DATA_SCIENTIST: string },
) {
  const now = Date.now();
  const day = (at: number) => new Date(`${dayOf(at)}T00:00:00Z`);
  for (const [n, useCase] of useCases.entries()) {
    if (useCase.status === "STOPPED") continue;
    const passes = await prisma.gateReview.findMany({
      where: { useCaseId: useCase.id, status: "DECIDED", decision: { in: ["GO", "CONDITIONAL_GO"] } },
      select: { toStage: true, decidedAt: true },
    });
    const entered = (stage: Stage) =>
      passes.find((p) => p.toStage === stage)?.decidedAt?.getTime() ??
      (useCase.stage === stage ? useCase.stageEnteredAt.getTime() : null);
    const targets: Record<string, Date> = {};
    let next = now + (20 + (n % 4) * 10) * DAY;
    for (const stage of PLANNED_STAGES) {
      const at = entered(stage);
      const field = PLAN_FIELDS[stage];
      if (at !== null)
        targets[field] = day(
          at + (useCase.title === LATE_IN_PRODUCTION && stage === "PRODUCTION" ? -20 : (n % 3) * 3) * DAY,
        );
      else if (useCase.title === DEMO_SLIPPED && stage === "PRODUCTION") targets[field] = day(now - 21 * DAY);
      else {
        targets[field] = day(next);
        next += 75 * DAY;
      }
    }
    // Keep the stage order when a reached stage's target fell after a later one's.
    let floor = 0;
    for (const stage of PLANNED_STAGES) {
      const field = PLAN_FIELDS[stage];
      const at = targets[field] as Date;
      if (at.getTime() < floor) targets[field] = new Date(floor);
      floor = (targets[field] as Date).getTime();
    }
    const columns = {
      prototypeOn: targets.prototype,
      packagingOn: targets.packaging,
      productionOn: targets.production,
    };
    const set = new Date(useCase.stageEnteredAt.getTime() - (STAGES.indexOf(useCase.stage) + 1) * 30 * DAY);
    await prisma.useCasePlan.create({ data: { useCaseId: useCase.id, ...columns } });
    await prisma.planRevision.create({
      data: { useCaseId: useCase.id, authorId: n % 2 ? people.BUSINESS : people.DATA_SCIENTIST, at: set, ...columns },
    });
  }
}
