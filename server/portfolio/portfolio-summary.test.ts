import { describe, expect, it } from "vitest";
import type { Stage } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";

// Portfolio figures are global: this file seeds a portfolio of its own and checks every
// figure against the truth computed here, from the seed, in plain code.
const own = withOwnDatabase("portfolio");

const DAY = 86_400_000;
const STAGES: Stage[] = ["POC", "PROTOTYPE", "PACKAGING", "PRODUCTION"];
type Seed = {
  team: "Retail" | "Ops";
  stage: Stage;
  status: "ACTIVE" | "PAUSED" | "STOPPED";
  area: "REVENUE_GROWTH" | "COST_REDUCTION";
  base: number; // whole euros; low = base/2, high = base*2
  currency?: string;
  /** Days each passed gate took from entering its stage, in order (G1, G2, G3). */
  passes: number[];
  stop?: "NO_VALUE" | "DATA_QUALITY";
  actualsThisYear?: number[];
};

const SEEDS: Seed[] = [
  { team: "Retail", stage: "POC", status: "ACTIVE", area: "REVENUE_GROWTH", base: 100_000, passes: [] },
  {
    team: "Retail",
    stage: "POC",
    status: "STOPPED",
    area: "REVENUE_GROWTH",
    base: 50_000,
    passes: [],
    stop: "NO_VALUE",
  },
  { team: "Ops", stage: "POC", status: "PAUSED", area: "COST_REDUCTION", base: 70_000, passes: [] },
  { team: "Ops", stage: "PROTOTYPE", status: "ACTIVE", area: "COST_REDUCTION", base: 300_000, passes: [20] },
  { team: "Retail", stage: "PROTOTYPE", status: "ACTIVE", area: "REVENUE_GROWTH", base: 450_000, passes: [40] },
  {
    team: "Retail",
    stage: "PROTOTYPE",
    status: "STOPPED",
    area: "COST_REDUCTION",
    base: 90_000,
    passes: [10],
    stop: "DATA_QUALITY",
  },
  { team: "Ops", stage: "PACKAGING", status: "ACTIVE", area: "COST_REDUCTION", base: 800_000, passes: [30, 60] },
  {
    team: "Retail",
    stage: "PACKAGING",
    status: "ACTIVE",
    area: "REVENUE_GROWTH",
    base: 1_000_000,
    currency: "USD",
    passes: [25, 45],
  },
  {
    team: "Ops",
    stage: "PRODUCTION",
    status: "ACTIVE",
    area: "COST_REDUCTION",
    base: 1_200_000,
    passes: [15, 50, 35],
    actualsThisYear: [90_000, 110_000.5],
  },
  {
    team: "Retail",
    stage: "PRODUCTION",
    status: "ACTIVE",
    area: "REVENUE_GROWTH",
    base: 2_000_000,
    passes: [35, 70, 20],
    actualsThisYear: [150_000],
  },
];

const cents = (euros: number) => BigInt(Math.round(euros * 100));
const amount = (c: bigint) => `${c / 100n}.${(c % 100n).toString().padStart(2, "0")}`;
const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10) / 10;
};

/** The truth, from the seed alone. */
function expected(seeds: Seed[]) {
  const probabilities = [10, 30, 60, 100];
  const inEur = (s: Seed) => (s.currency ?? "EUR") === "EUR";
  const byStage = Object.fromEntries(
    STAGES.map((stage, i) => {
      const here = seeds.filter((s) => s.stage === stage);
      const active = here.filter((s) => s.status === "ACTIVE");
      const base = active.filter(inEur).reduce((sum, s) => sum + cents(s.base), 0n);
      return [
        stage,
        {
          count: here.length,
          active: active.length,
          ebitdaBase: amount(base),
          weighted: amount((base * BigInt(probabilities[i] as number)) / 100n),
        },
      ];
    }),
  );
  const decided = seeds.flatMap((s) => [
    ...s.passes.map((_, g) => ({ gate: g, decision: "GO" })),
    ...(s.status === "STOPPED" ? [{ gate: s.passes.length, decision: "STOP" }] : []),
    ...(s.status === "PAUSED" ? [{ gate: s.passes.length, decision: "PAUSE" }] : []),
  ]);
  return {
    byStage,
    byStatus: {
      ACTIVE: seeds.filter((s) => s.status === "ACTIVE").length,
      PAUSED: seeds.filter((s) => s.status === "PAUSED").length,
      STOPPED: seeds.filter((s) => s.status === "STOPPED").length,
    },
    funnel: STAGES.map((_stage, i) => seeds.filter((s) => STAGES.indexOf(s.stage) >= i).length),
    weightedPipeline: amount(
      STAGES.reduce((sum, stage) => {
        const w = (byStage[stage] as { weighted: string }).weighted.split(".");
        return sum + BigInt(w[0] as string) * 100n + BigInt(w[1] as string);
      }, 0n),
    ),
    conversion: [0, 1, 2].map((g) => {
      const here = decided.filter((d) => d.gate === g);
      const go = here.filter((d) => d.decision === "GO").length;
      return { decided: here.length, go, stopped: here.filter((d) => d.decision === "STOP").length };
    }),
    medianDaysToPass: [0, 1, 2].map((g) =>
      median(seeds.filter((s) => s.passes.length > g).map((s) => s.passes[g] as number)),
    ),
    realisedThisYear: amount(seeds.flatMap((s) => s.actualsThisYear ?? []).reduce((sum, a) => sum + cents(a), 0n)),
    otherCurrencies: seeds.filter((s) => !inEur(s)).length,
  };
}

async function seedPortfolio() {
  const db = own.db();
  const people = {
    Retail: await makeUser(db, { role: "DATA_SCIENTIST", name: "Retail owner" }),
    Ops: await makeUser(db, { role: "DATA_SCIENTIST", name: "Ops owner" }),
  };
  await db.user.update({ where: { id: people.Retail.id }, data: { team: "Retail" } });
  await db.user.update({ where: { id: people.Ops.id }, data: { team: "Ops" } });
  const year = new Date().getUTCFullYear();
  const start = Date.UTC(year - 1, 0, 1);
  for (const seed of SEEDS) {
    const owner = people[seed.team];
    const row = await makeUseCase(db, {
      ownerId: owner.id,
      stage: seed.stage,
      status: seed.status,
      benefitArea: seed.area,
      ebitda: {
        low: String(seed.base / 2),
        base: String(seed.base),
        high: String(seed.base * 2),
        currency: seed.currency ?? "EUR",
      },
      createdAt: new Date(start),
    });
    let at = start;
    for (const [g, days] of seed.passes.entries()) {
      at += days * DAY;
      await db.gateReview.create({
        data: {
          useCaseId: row.id,
          fromStage: STAGES[g] as Stage,
          toStage: STAGES[g + 1] as Stage,
          status: "DECIDED",
          decision: "GO",
          decidedAt: new Date(at),
          requestedAt: new Date(at - DAY),
          requestedById: owner.id,
        },
      });
    }
    if (seed.status !== "ACTIVE") {
      await db.gateReview.create({
        data: {
          useCaseId: row.id,
          fromStage: seed.stage,
          toStage: STAGES[STAGES.indexOf(seed.stage) + 1] as Stage,
          status: "DECIDED",
          decision: seed.status === "STOPPED" ? "STOP" : "PAUSE",
          stopReason: seed.stop ?? null,
          decidedAt: new Date(at + DAY),
          requestedById: owner.id,
        },
      });
    }
    for (const [i, value] of (seed.actualsThisYear ?? []).entries()) {
      await db.actual.create({
        data: {
          useCaseId: row.id,
          period: `${year}-${String(i + 1).padStart(2, "0")}`,
          ebitda: String(value),
          authorId: owner.id,
        },
      });
    }
  }
  return people;
}

describe("the portfolio summary", () => {
  it("equals the truth computed from the seeded rows, without and with filters", async () => {
    const people = await seedPortfolio();
    const { portfolioSummary } = await import("./portfolio-summary");
    const viewer = await makeUser(own.db(), { role: "BUSINESS" });

    for (const [filters, seeds] of [
      [{}, SEEDS],
      [{ team: "Retail" }, SEEDS.filter((s) => s.team === "Retail")],
      [{ benefitArea: "COST_REDUCTION" }, SEEDS.filter((s) => s.area === "COST_REDUCTION")],
      [
        { owner: people.Ops.id, benefitArea: "COST_REDUCTION" },
        SEEDS.filter((s) => s.team === "Ops" && s.area === "COST_REDUCTION"),
      ],
    ] as const) {
      const truth = expected([...seeds]);
      const summary = await portfolioSummary(viewer, filters);
      for (const stage of STAGES)
        expect(summary.byStage[stage], `${JSON.stringify(filters)} ${stage}`).toMatchObject(
          truth.byStage[stage] as object,
        );
      expect(summary.byStatus).toEqual(truth.byStatus);
      expect(summary.funnel.map((f) => f.reached)).toEqual(truth.funnel);
      expect(summary.weightedPipeline).toBe(truth.weightedPipeline);
      expect(summary.conversion.map(({ decided, go, stopped }) => ({ decided, go, stopped }))).toEqual(
        truth.conversion,
      );
      expect(summary.timeInStage.slice(0, 3).map((t) => t.medianDaysToPass)).toEqual(truth.medianDaysToPass);
      expect(summary.realisedThisYear).toBe(truth.realisedThisYear);
      expect(summary.otherCurrencies).toBe(truth.otherCurrencies);
    }
    const all = await portfolioSummary(viewer, {});
    // Median days the active use cases have been in their stage, against the stored entry times.
    const active = await own
      .db()
      .useCase.findMany({ where: { status: "ACTIVE" }, select: { stage: true, stageEnteredAt: true } });
    for (const stage of STAGES) {
      const days = active.filter((u) => u.stage === stage).map((u) => (Date.now() - u.stageEnteredAt.getTime()) / DAY);
      const now = all.timeInStage.find((t) => t.stage === stage)?.medianDaysNow;
      if (days.length === 0) expect(now, stage).toBeNull();
      else expect(now, stage).toBeCloseTo(median(days) as number, 1);
    }
    expect(all.stopReasons).toEqual([
      { reason: "NO_VALUE", count: 1 },
      { reason: "DATA_QUALITY", count: 1 },
    ]);
    expect(all.conversion[0]?.rate).toBe(77.8); // G1: 7 go of 9 decided (1 stop, 1 pause)
    // Open reviews and overdue conditions, counted over the filtered use cases only.
    const retail = await own
      .db()
      .useCase.findFirstOrThrow({ where: { ownerId: people.Retail.id, stage: "POC", status: "ACTIVE" } });
    const ops = await own.db().useCase.findFirstOrThrow({ where: { ownerId: people.Ops.id, stage: "PROTOTYPE" } });
    const review = (useCaseId: string, requestedById: string) => ({
      useCaseId,
      fromStage: "POC" as const,
      toStage: "PROTOTYPE" as const,
      requestedById,
    });
    await own.db().gateReview.create({ data: review(retail.id, people.Retail.id) });
    await own.db().gateReview.create({
      data: {
        ...review(ops.id, people.Ops.id),
        status: "DECIDED",
        decision: "CONDITIONAL_GO",
        decidedAt: new Date(),
        conditions: {
          create: [
            { text: "Overdue", ownerId: people.Ops.id, dueOn: new Date(Date.now() - 2 * DAY) },
            { text: "Not yet due", ownerId: people.Ops.id, dueOn: new Date(Date.now() + 20 * DAY) },
            { text: "Closed", ownerId: people.Ops.id, dueOn: new Date(Date.now() - 2 * DAY), closedAt: new Date() },
          ],
        },
      },
    });
    const counts = async (filters: object) => {
      const { openReviews, overdueConditions } = await portfolioSummary(viewer, filters);
      return { openReviews, overdueConditions };
    };
    expect(await counts({})).toEqual({ openReviews: 1, overdueConditions: 1 });
    expect(await counts({ team: "Retail" })).toEqual({ openReviews: 1, overdueConditions: 0 });
    expect(await counts({ team: "Ops" })).toEqual({ openReviews: 0, overdueConditions: 1 });

    const refused = await portfolioSummary(viewer, { benefitArea: "MORE_MONEY" }).catch((e) => e);
    expect(refused.code).toBe("VALIDATION");

    // The cached summary is recomputed as soon as a change goes through the app (its audit event).
    const { cachedPortfolioSummary } = await import("./cached-summary");
    const { createUseCase } = await import("../use-cases/create-use-case");
    const before = await cachedPortfolioSummary(viewer, {});
    expect(await cachedPortfolioSummary(viewer, {})).toBe(before);
    await createUseCase(people.Retail, {
      title: "One more",
      ebitda: { low: "1", base: "2", high: "3", currency: "EUR" },
    });
    // Readers arriving together after the change share one computation (and then its cache entry).
    const [after, alongside] = await Promise.all([
      cachedPortfolioSummary(viewer, {}),
      cachedPortfolioSummary(people.Retail, {}),
    ]);
    expect(alongside).toBe(after);
    expect(await cachedPortfolioSummary(viewer, {})).toBe(after);
    expect(after).not.toBe(before);
    expect(after.byStage.POC.count).toBe(before.byStage.POC.count + 1);
  });
});
