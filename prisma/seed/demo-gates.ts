// The demo portfolio's gate history: each use case past POC passed its gates with votes and
// an estimate snapshot; checklists, feedback, revisions and services match its stage; a few
// reviews are open so every role's inbox has something to show.
import type { ChecklistStage } from "@/lib/checklist-templates";
import { GATES, type Role, STAGES, type Stage, type UseCaseStatus } from "@/lib/lifecycle";
import { fromCents, toCents } from "@/lib/money";
import { DEFAULT_REVIEW_DEADLINE_DAYS, reviewDeadlines } from "@/lib/review-deadlines";
import { monthsBetween } from "@/lib/value";
import { ensureTemplate, instantiateChecklist } from "@/server/checklists/templates";
import type { PrismaClient } from "../client";

const DAY = 24 * 60 * 60 * 1000;

type Seeded = {
  id: string;
  stage: Stage;
  status: UseCaseStatus;
  stageEnteredAt: Date;
  pocResult: string;
  ebitdaLow: { toFixed(d: number): string } | null;
  ebitdaBase: { toFixed(d: number): string } | null;
  ebitdaHigh: { toFixed(d: number): string } | null;
  currency: string;
};

type People = Record<Role, string>;

const DEMO_SERVICES = [
  { name: "Model API", kind: "MODEL_API", environment: "PRODUCTION", url: "https://example.com/" },
  { name: "Monitoring", kind: "GRAFANA", environment: "PRODUCTION", url: "https://play.grafana.org/" },
  // Jenkins' public CI (anonymous read): each check reads the job's last build beside the health.
  {
    name: "Deploy pipeline",
    kind: "JENKINS",
    environment: "PRODUCTION",
    url: "https://ci.jenkins.io/",
    jenkinsJob: "Core/jenkins/master",
    buildStatus: "PASSING",
    buildNumber: 1,
    buildReason: null,
  },
] as const;

/** Realised value per month, in % of the base estimate's monthly share: a ramp-up, then around plan. */
const RAMP = [55, 70, 85, 95, 105, 100, 110];

/** An amount scaled by a whole percentage, in cents (the earlier gates saw a wider, lower or higher range). */
const scaled = (value: { toFixed(d: number): string } | null, percent: number) =>
  value == null ? null : fromCents((toCents(value.toFixed(2)) * BigInt(percent)) / 100n);

const snapshot = (u: Seeded, at: Date, gateIndex = 2) => {
  // The estimate moves across gates: wide and optimistic at G1, narrowing to today's range.
  const percents: [number, number, number][] = [
    [70, 110, 150],
    [85, 100, 120],
  ];
  const [low, base, high] = percents[gateIndex] ?? [100, 100, 100];
  return {
    takenAt: at.toISOString(),
    ebitda: {
      low: scaled(u.ebitdaLow, low),
      base: scaled(u.ebitdaBase, base),
      high: scaled(u.ebitdaHigh, high),
      currency: u.currency,
    },
    revision: null,
  };
};

async function checklist(prisma: PrismaClient, u: Seeded, stage: ChecklistStage, doneCount: number, by: string) {
  await ensureTemplate(prisma, stage);
  await prisma.$transaction((tx) => instantiateChecklist(tx, u.id, stage));
  const items = await prisma.checklistItem.findMany({
    where: { useCaseId: u.id, stage },
    orderBy: { position: "asc" },
  });
  for (const item of items.slice(0, doneCount)) {
    await prisma.checklistItem.update({
      where: { id: item.id },
      data: {
        status: "DONE",
        answer: item.answerType === "NONE" ? null : (item.options[0] ?? "Described in the project wiki"),
        updatedById: by,
      },
    });
  }
}

/** User feedback on the prototype and the estimate revised in it (gate G2's evidence). */
async function prototypeEvidence(
  prisma: PrismaClient,
  u: Seeded,
  people: People,
  e: { feedback: string; rating: number; investment: string; runCost: string; assumptions: string },
) {
  await prisma.feedback.create({
    data: { useCaseId: u.id, authorId: people.BUSINESS, text: e.feedback, rating: e.rating, stage: "PROTOTYPE" },
  });
  await prisma.estimateRevision.create({
    data: {
      useCaseId: u.id,
      authorId: people.DATA_SCIENTIST,
      stage: "PROTOTYPE",
      ebitdaLow: u.ebitdaLow?.toFixed(2) ?? "0",
      ebitdaBase: u.ebitdaBase?.toFixed(2) ?? "0",
      ebitdaHigh: u.ebitdaHigh?.toFixed(2) ?? "0",
      investment: e.investment,
      runCostPerYear: e.runCost,
      horizonYears: 3,
      currency: u.currency,
      assumptions: e.assumptions,
    },
  });
}

export async function seedDemoGates(prisma: PrismaClient, useCases: Seeded[], people: People) {
  let openG1 = false;
  let openG2 = false;
  for (const u of useCases) {
    const stageIndex = STAGES.indexOf(u.stage);
    // Passed gates, the last one decided the day the use case entered its stage.
    for (const [index, gate] of GATES.entries()) {
      if (index >= stageIndex) break;
      const decidedAt = new Date(u.stageEnteredAt.getTime() - (stageIndex - 1 - index) * 75 * DAY);
      const conditional =
        gate.id === "G3" && u.stage === "PRODUCTION" && u.stageEnteredAt.getTime() > Date.now() - 120 * DAY;
      await prisma.gateReview.create({
        data: {
          useCaseId: u.id,
          fromStage: gate.from,
          toStage: gate.to,
          status: "DECIDED",
          note: `Ready for ${gate.id}: evidence attached.`,
          requestedById: people.DATA_SCIENTIST,
          requestedAt: new Date(decidedAt.getTime() - 5 * DAY),
          decision: conditional ? "CONDITIONAL_GO" : "GO",
          decidedById: gate.deciders.at(-1) === "IT" ? people.IT : people.BUSINESS,
          decidedAt,
          rationale: "Criteria met and the value case holds.",
          estimateSnapshot: snapshot(u, decidedAt, index),
          votes: {
            create: gate.deciders.map((role) => ({
              role,
              voterId: people[role],
              decision: conditional && role === "IT" ? ("CONDITIONAL_GO" as const) : ("GO" as const),
              rationale: role === "IT" ? "Operable as packaged." : "Worth the investment.",
              createdAt: decidedAt,
            })),
          },
          conditions: conditional
            ? {
                create: [
                  {
                    text: "Add drift alerts to the Grafana dashboard",
                    ownerId: people.DATA_SCIENTIST,
                    dueOn: new Date(Date.now() - 3 * DAY),
                  },
                ],
              }
            : undefined,
        },
      });
    }
    if (stageIndex >= 1) {
      const done = u.stage === "PROTOTYPE" ? Math.floor(u.stageEnteredAt.getTime() / DAY) % 5 : 5;
      await checklist(prisma, u, "PROTOTYPE", done, people.DATA_SCIENTIST);
    }
    if (stageIndex >= 2) {
      await prototypeEvidence(prisma, u, people, {
        feedback: "Pilot users found it useful from week one.",
        rating: 4,
        investment: "250000",
        runCost: "60000",
        assumptions: "Measured in the prototype.",
      });
      await checklist(prisma, u, "PACKAGING", u.stage === "PACKAGING" ? 5 : 8, people.IT);
    }
    if (stageIndex >= 3) {
      // Realised EBITDA for every full month in production, around the base estimate.
      const months = monthsBetween(
        u.stageEnteredAt.toISOString().slice(0, 7),
        new Date(Date.now() - 31 * DAY).toISOString().slice(0, 7),
      );
      await prisma.actual.createMany({
        data: months.map((period, i) => ({
          useCaseId: u.id,
          period,
          ebitda: fromCents((toCents(u.ebitdaBase?.toFixed(2) ?? "0") * BigInt(RAMP[i % RAMP.length] ?? 100)) / 1200n),
          note: i === 0 ? "Ramp-up month" : "",
          authorId: people.DATA_SCIENTIST,
        })),
      });
      await prisma.checklistSignOff.create({ data: { useCaseId: u.id, stage: "PACKAGING", byId: people.IT } });
      // Public addresses, so a demo on a connected machine shows live health; the history is seeded.
      for (const service of DEMO_SERVICES) {
        const created = await prisma.service.create({
          data: {
            ...service,
            useCaseId: u.id,
            healthStatus: "UP",
            httpStatus: 200,
            latencyMs: 120,
            checkedAt: new Date(),
          },
        });
        await prisma.serviceProbe.createMany({
          data: Array.from({ length: 24 }, (_, i) => ({
            serviceId: created.id,
            at: new Date(Date.now() - (24 - i) * 5 * 60_000),
            status: "UP" as const,
            httpStatus: 200,
            latencyMs: 90 + ((i * 37) % 80),
          })),
        });
      }
    }

    // How paused and stopped use cases got there.
    const gate = GATES.find((g) => g.from === u.stage);
    if (gate && u.status !== "ACTIVE") {
      const decidedAt =
        u.stageEnteredAt.getTime() + 20 * DAY < Date.now()
          ? new Date(u.stageEnteredAt.getTime() + 20 * DAY)
          : new Date();
      const role = gate.deciders[0] as Role;
      const stop = u.status === "STOPPED";
      const rationale = stop ? "The data cannot support the promised accuracy." : "Waiting for next year's budget.";
      await prisma.gateReview.create({
        data: {
          useCaseId: u.id,
          fromStage: gate.from,
          toStage: gate.to,
          status: "DECIDED",
          requestedById: people.DATA_SCIENTIST,
          requestedAt: new Date(decidedAt.getTime() - 3 * DAY),
          decision: stop ? "STOP" : "PAUSE",
          decidedById: people[role],
          decidedAt,
          rationale,
          stopReason: stop ? "DATA_QUALITY" : null,
          revisitOn: stop ? null : new Date(Date.now() + 45 * DAY),
          estimateSnapshot: snapshot(u, decidedAt),
          votes: {
            create: [
              {
                role,
                voterId: people[role],
                decision: stop ? "STOP" : "PAUSE",
                rationale,
                stopReason: stop ? "DATA_QUALITY" : null,
                createdAt: decidedAt,
              },
            ],
          },
        },
      });
    }

    // Open reviews: one G1 waiting for business, one G2 where business said go and IT has to decide.
    if (u.status === "ACTIVE" && u.stage === "POC" && !openG1 && u.pocResult && u.ebitdaBase) {
      openG1 = true;
      await prisma.gateReview.create({
        data: {
          useCaseId: u.id,
          fromStage: "POC",
          toStage: "PROTOTYPE",
          note: "The POC results are in; asking for a go to build the prototype with IT.",
          evidenceUrls: ["https://wiki.example.com/poc-results"],
          requestedById: people.DATA_SCIENTIST,
          requestedAt: new Date(Date.now() - 2 * DAY),
          ...reviewDeadlines(new Date(Date.now() - 2 * DAY), DEFAULT_REVIEW_DEADLINE_DAYS[0] ?? 5, []),
        },
      });
    }
    if (u.status === "ACTIVE" && u.stage === "PROTOTYPE" && !openG2) {
      openG2 = true;
      await prisma.checklistItem.updateMany({
        where: { useCaseId: u.id, stage: "PROTOTYPE" },
        data: { status: "DONE", answer: "Described in the project wiki", updatedById: people.DATA_SCIENTIST },
      });
      await prototypeEvidence(prisma, u, people, {
        feedback: "The pilot team asks to keep it.",
        rating: 5,
        investment: "300000",
        runCost: "80000",
        assumptions: "Pilot uplift applied to the full scope.",
      });
      await prisma.gateReview.create({
        data: {
          useCaseId: u.id,
          fromStage: "PROTOTYPE",
          toStage: "PACKAGING",
          note: "Prototype checklist done, pilot feedback in, estimate revised.",
          requestedById: people.DATA_SCIENTIST,
          requestedAt: new Date(Date.now() - 1 * DAY),
          ...reviewDeadlines(new Date(Date.now() - 1 * DAY), DEFAULT_REVIEW_DEADLINE_DAYS[1] ?? 10, []),
          votes: {
            create: [{ role: "BUSINESS", voterId: people.BUSINESS, decision: "GO", rationale: "Users want it." }],
          },
        },
      });
    }
  }
}
