import { describe, expect, it } from "vitest";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";

// The unfiltered summary reads its counts and money from tallies kept by triggers (UseCaseTally,
// GateReviewTally). Here they must equal the same figures aggregated from the use cases and
// reviews themselves (a filter that matches every use case takes that path), after writers that
// overlap: transactions held open while others write to the same buckets, multi-row statements,
// moves between stages, statuses, currencies and areas, money changes, removals (whose reviews
// go with them), and folds running in the middle of it all.
const own = withOwnDatabase("tallies");

const AREAS = ["REVENUE_GROWTH", "COST_REDUCTION", null] as const;
const STAGES = ["POC", "PROTOTYPE", "PACKAGING", "PRODUCTION"] as const;
const STATUSES = ["ACTIVE", "PAUSED", "STOPPED"] as const;
const CURRENCIES = ["EUR", "USD"] as const;
const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T;

/** The figures the tallies answer, in a stable order. */
function tallied(summary: Awaited<ReturnType<typeof import("./portfolio-summary").portfolioSummary>>) {
  return {
    byStage: summary.byStage,
    byStatus: summary.byStatus,
    funnel: summary.funnel,
    weightedPipeline: summary.weightedPipeline,
    gates: summary.gates,
    conversion: summary.conversion,
    stopReasons: summary.stopReasons,
    openReviews: summary.openReviews,
    otherCurrencies: summary.otherCurrencies,
    valueByArea: [...summary.valueByArea].sort((a, b) =>
      `${a.benefitArea}/${a.stage}`.localeCompare(`${b.benefitArea}/${b.stage}`),
    ),
  };
}

describe("the portfolio tallies", () => {
  it("equal the figures aggregated from the rows after overlapping writers, removals and folds", async () => {
    const db = own.db();
    const { portfolioSummary } = await import("./portfolio-summary");
    const { foldTally } = await import("./tallies");
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const viewer = await makeUser(db, { role: "BUSINESS" });
    const compare = async () => {
      const stored = tallied(await portfolioSummary(viewer, {}));
      const live = tallied(await portfolioSummary(viewer, { from: "2000-01-01" })); // every use case
      expect(stored).toEqual(live);
      return stored;
    };

    const made = [];
    for (let i = 0; i < 36; i++)
      made.push(
        await makeUseCase(db, {
          ownerId: owner.id,
          stage: pick(STAGES, i),
          status: pick(STATUSES, i >> 2),
          benefitArea: pick(AREAS, i),
          ebitda:
            i % 5 === 4
              ? undefined
              : { low: `${i}.25`, base: `${i * 1000}.5`, high: `${i * 3000}`, currency: pick(CURRENCIES, i >> 3) },
        }),
      );
    const review = (useCaseId: string, i: number) => ({
      useCaseId,
      fromStage: pick(STAGES.slice(0, 3), i),
      toStage: pick(STAGES.slice(1), i),
      requestedById: owner.id,
      ...(i % 3 === 0
        ? {}
        : {
            status: "DECIDED" as const,
            decision: pick(["GO", "CONDITIONAL_GO", "STOP", "PAUSE"] as const, i),
            decidedAt: new Date(),
            stopReason: i % 4 === 2 ? pick(["NO_VALUE", "DATA_QUALITY"] as const, i) : null,
          }),
    });
    for (const [i, useCase] of made.entries()) await db.gateReview.create({ data: review(useCase.id, i) });
    const before = await compare();
    expect(before.byStatus).toEqual({ ACTIVE: 12, PAUSED: 12, STOPPED: 12 });
    expect(before.otherCurrencies).toBeGreaterThan(0);
    expect(before.stopReasons.length).toBeGreaterThan(0);

    // Writers that overlap: each holds its transaction open (pg_sleep) while the others write to
    // the same buckets, and a fold runs in the middle.
    const held = (i: number, write: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<unknown>) =>
      db.$transaction(
        async (tx) => {
          await write(tx);
          await tx.$executeRaw`SELECT pg_sleep(${(i % 4) * 0.05})`;
        },
        { timeout: 20_000 },
      );
    const ids = made.map((u) => u.id);
    await Promise.all([
      ...made.slice(0, 12).map((u, i) =>
        held(i, (tx) =>
          tx.useCase.update({
            where: { id: u.id },
            data: { stage: pick(STAGES, i + 1), status: pick(STATUSES, i + 1), benefitArea: pick(AREAS, i + 2) },
          }),
        ),
      ),
      ...made.slice(12, 20).map((u, i) =>
        held(i, (tx) =>
          tx.useCase.update({
            where: { id: u.id },
            data: { ebitdaBase: i % 2 ? null : "77.77", ebitdaLow: "1.01", currency: pick(CURRENCIES, i) },
          }),
        ),
      ),
      held(1, (tx) => tx.useCase.updateMany({ where: { id: { in: ids.slice(20, 28) } }, data: { status: "PAUSED" } })),
      held(2, (tx) => tx.useCase.updateMany({ where: { id: { in: ids.slice(0, 30) } }, data: { title: "Renamed" } })),
      held(3, (tx) => tx.useCase.deleteMany({ where: { id: { in: ids.slice(30, 33) } } })),
      held(0, async (tx) => {
        for (let i = 0; i < 6; i++)
          await makeUseCase(tx as typeof db, { ownerId: owner.id, ebitda: { low: "1", base: "2", high: "3" } });
      }),
      ...made.slice(0, 9).map((u, i) => held(i, (tx) => tx.gateReview.create({ data: review(u.id, i + 1) }))),
      held(2, (tx) =>
        tx.gateReview.updateMany({
          where: { status: "OPEN" },
          data: { status: "DECIDED", decision: "STOP", stopReason: "NO_VALUE", decidedAt: new Date() },
        }),
      ),
      foldTally("UseCaseTally"),
      foldTally("GateReviewTally"),
    ]);
    const after = await compare();
    expect(after).not.toEqual(before);
    expect(Object.values(after.byStatus).reduce((a, b) => a + b, 0)).toBe(36 - 3 + 6);

    // Folding leaves one row per bucket and the same figures.
    await Promise.all([foldTally("UseCaseTally"), foldTally("UseCaseTally"), foldTally("GateReviewTally")]);
    const buckets = await db.$queryRaw<{ rows: number; buckets: number }[]>`
      SELECT count(*)::int AS rows, count(DISTINCT (stage, status, currency, "benefitArea"))::int AS buckets FROM "UseCaseTally"`;
    expect(buckets[0]?.rows).toBe(buckets[0]?.buckets);
    expect(await compare()).toEqual(after);
  });
});
