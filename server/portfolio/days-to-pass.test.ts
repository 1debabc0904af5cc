import { describe, expect, it } from "vitest";
import { formatKey, PASSING_DECISIONS } from "@/lib/lifecycle";
import { makeDecidableUseCase, makeUser } from "@/prisma/seed/factories";
import { db } from "../db";
import { decideGate } from "../gates/decide-gate";
import { requestGateReview } from "../gates/request-gate-review";

// The days a use case took to pass each gate are stored on the passing review by triggers, in
// the writing transaction. Here every stored figure is checked against the truth computed in
// code from the reviews themselves, after decisions made at the same time, a pass written out
// of order, a review removed, a decision changed and a creation time moved.

const DAY = 86_400_000;

/** What each review's stored figure must be: days since the previous pass (by decision time) or the creation. */
async function truthAndStored(useCaseIds: string[]) {
  const useCases = await db.useCase.findMany({
    where: { id: { in: useCaseIds } },
    select: {
      id: true,
      createdAt: true,
      gateReviews: { select: { id: true, decision: true, decidedAt: true, daysToPass: true } },
    },
  });
  const truth: Record<string, number | null> = {};
  const stored: Record<string, number | null> = {};
  for (const useCase of useCases) {
    const passes = useCase.gateReviews
      .filter((r) => r.decision && (PASSING_DECISIONS as readonly string[]).includes(r.decision) && r.decidedAt)
      .sort((a, b) => (a.decidedAt as Date).getTime() - (b.decidedAt as Date).getTime());
    for (const review of useCase.gateReviews) {
      stored[review.id] = review.daysToPass === null ? null : Math.round(review.daysToPass * 1e6) / 1e6;
      const index = passes.indexOf(review);
      const since = index < 0 ? null : index === 0 ? useCase.createdAt : (passes[index - 1]?.decidedAt as Date);
      truth[review.id] =
        since === null
          ? null
          : Math.round((((review.decidedAt as Date).getTime() - since.getTime()) / DAY) * 1e6) / 1e6;
    }
  }
  return { truth, stored };
}

async function decidableUseCase(createdDaysAgo: number) {
  const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
  const business = await makeUser(db, { role: "BUSINESS" });
  const row = await makeDecidableUseCase(db, {
    ownerId: owner.id,
    sponsorId: business.id,
    createdAt: new Date(Date.now() - createdDaysAgo * DAY),
  });
  return { owner, business, row, key: formatKey(row.number) };
}

describe("the stored days to pass", () => {
  it("equal the truth after concurrent decisions, an out-of-order pass, a removal, a changed decision and a moved creation", async () => {
    const cases = await Promise.all([10, 20, 30, 40].map((days) => decidableUseCase(days)));
    const ids = cases.map((c) => c.row.id);
    const reviews = await Promise.all(cases.map((c) => requestGateReview(c.owner, c.key, { note: "POC done" })));
    // Four decisions at the same time, two of them conditional (also a pass).
    await Promise.all(
      cases.map((c, i) =>
        decideGate(
          c.business,
          reviews[i]?.id as string,
          i % 2
            ? {
                decision: "CONDITIONAL_GO",
                rationale: "Holds, with a condition",
                conditions: [{ text: "Monitoring in place", ownerId: c.owner.id, dueOn: "2030-01-01" }],
              }
            : { decision: "GO", rationale: "Holds" },
        ),
      ),
    );
    let { truth, stored } = await truthAndStored(ids);
    expect(Object.values(truth).filter((days) => days !== null)).toHaveLength(4);
    expect(stored).toEqual(truth);
    // The first use case's G1 took its whole age: 10 days (to the second, within the test's run).
    expect(stored[reviews[0]?.id as string]).toBeCloseTo(10, 2);

    // A pass written before the existing one (an import of history, an operator's SQL): both change.
    const [first] = cases;
    if (!first) throw new Error("no use case");
    const earlier = await db.gateReview.create({
      data: {
        useCaseId: first.row.id,
        fromStage: "POC",
        toStage: "PROTOTYPE",
        status: "DECIDED",
        decision: "GO",
        decidedAt: new Date(Date.now() - 4 * DAY),
        requestedById: first.owner.id,
      },
    });
    ({ truth, stored } = await truthAndStored(ids));
    expect(stored).toEqual(truth);
    expect(stored[earlier.id]).toBeCloseTo(6, 2);
    expect(stored[reviews[0]?.id as string]).toBeCloseTo(4, 2);

    // A decision changed to a non-passing one loses its figure, and the next pass counts from further back.
    await db.gateReview.update({ where: { id: earlier.id }, data: { decision: "PAUSE" } });
    ({ truth, stored } = await truthAndStored(ids));
    expect(stored).toEqual(truth);
    expect(stored[earlier.id]).toBeNull();
    expect(stored[reviews[0]?.id as string]).toBeCloseTo(10, 2);

    // Removed, and a creation time moved two days back: the first pass counts from the new creation.
    await db.gateReview.delete({ where: { id: earlier.id } });
    await db.useCase.update({ where: { id: first.row.id }, data: { createdAt: new Date(Date.now() - 12 * DAY) } });
    ({ truth, stored } = await truthAndStored(ids));
    expect(stored).toEqual(truth);
    expect(stored[reviews[0]?.id as string]).toBeCloseTo(12, 2);

    // A write that touches neither the decision nor its time leaves the figures alone.
    await db.gateReview.updateMany({ where: { useCaseId: { in: ids } }, data: { note: "Re-read" } });
    expect((await truthAndStored(ids)).stored).toEqual(stored);
  });
});
