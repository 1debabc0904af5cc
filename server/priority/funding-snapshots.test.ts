import { describe, expect, it } from "vitest";
import type { SnapshotMove } from "@/lib/funding-compare";
import { formatKey } from "@/lib/lifecycle";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";
import type { DomainError } from "../errors";

// A snapshot freezes the whole portfolio's ranked list and the scoring model is one shared record:
// this file has a database of its own (server modules are imported after beforeAll).
const own = withOwnDatabase("funding");

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (error?.name !== "DomainError") throw new Error(`expected a DomainError, got ${error}`);
  return error as DomainError;
}

const scoresOf = (values: Record<string, number>) => ({
  scores: Object.entries(values).map(([criterion, value]) => ({ criterion, value, comment: "why" })),
});

describe("funding-round snapshots", () => {
  it("freeze the ranked list as it is: every scored use case, its rank, score, criterion values and money", async () => {
    const db = own.db();
    const { createFundingSnapshot, getFundingSnapshot, listFundingSnapshots } = await import("./funding-snapshots");
    const { putScores, getScores } = await import("./scores");
    const business = await makeUser(db, { role: "BUSINESS" });
    const other = await makeUser(db, { role: "BUSINESS" });
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const made: Awaited<ReturnType<typeof makeUseCase>>[] = [];
    for (const [i, tier] of (["MINIMAL", "HIGH", "LIMITED", "MINIMAL", "UNACCEPTABLE"] as const).entries())
      made.push(
        await makeUseCase(db, {
          ownerId: owner.id,
          title: `Frozen ${i}`,
          riskTier: tier,
          ebitda: { low: "0", base: String(250_000 * i), high: "9000000" },
        }),
      );
    // Scored by two people (a mean of 3.5), by one, or not at all (only its risk tier counts).
    await putScores(business, formatKey(made[0]?.number ?? 0), scoresOf({ "business-value": 5, feasibility: 2 }));
    await putScores(other, formatKey(made[0]?.number ?? 0), scoresOf({ "business-value": 2 }));
    await putScores(business, formatKey(made[1]?.number ?? 0), scoresOf({ "business-value": 4, "data-readiness": 5 }));
    await putScores(business, formatKey(made[3]?.number ?? 0), scoresOf({ "strategic-fit": 3 }));
    // No tier and no score: not in the ranked list.
    const unscored = await makeUseCase(db, { ownerId: owner.id, title: "Frozen unscored", riskTier: null });
    await db.cost.createMany({
      data: [
        { useCaseId: made[2]?.id ?? "", period: "2026-01", category: "CLOUD", amount: "1200.50", authorId: owner.id },
        { useCaseId: made[2]?.id ?? "", period: "2026-02", category: "OTHER", amount: "99.75", authorId: owner.id },
      ],
    });

    const snapshot = await createFundingSnapshot(business, { name: "  Q1 funding round  " });
    expect(snapshot).toMatchObject({ name: "Q1 funding round", modelVersion: 1, count: made.length });
    expect(snapshot.createdBy).toEqual({ id: business.id, name: business.name });
    expect(snapshot.rows.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(snapshot.rows.some((row) => row.useCaseId === unscored.id)).toBe(false);
    expect(snapshot.model.criteria.map((c) => c.key)).toEqual([
      "business-value",
      "feasibility",
      "data-readiness",
      "strategic-fit",
      "risk",
    ]);
    // Each row is what the use case's own scores answer at the time: rank, total and criterion values.
    for (const row of snapshot.rows) {
      const truth = await getScores(business, row.key);
      expect(row.rank).toBe(truth.rank);
      expect(row.priorityScore).toBe(truth.priorityScore);
      expect(row.criteria).toEqual(Object.fromEntries(truth.criteria.map((c) => [c.key, c.value])));
    }
    const first = snapshot.rows.find((row) => row.useCaseId === made[0]?.id);
    expect(first?.criteria).toMatchObject({ "business-value": 3.5, feasibility: 2, "data-readiness": null, risk: 1 });
    const costly = snapshot.rows.find((row) => row.useCaseId === made[2]?.id);
    expect(costly).toMatchObject({ costToDate: "1300.25", ebitdaBase: "500000.00", currency: "EUR", stage: "POC" });

    // Frozen: a later score changes the list, not the snapshot.
    await putScores(business, formatKey(made[4]?.number ?? 0), scoresOf({ feasibility: 5, "business-value": 5 }));
    const again = await getFundingSnapshot(business, snapshot.id);
    expect(again.rows).toEqual(snapshot.rows);
    const list = await listFundingSnapshots(business);
    expect(list).toEqual([
      {
        id: snapshot.id,
        name: "Q1 funding round",
        takenAt: snapshot.takenAt,
        createdBy: { id: business.id, name: business.name },
        modelVersion: 1,
        count: made.length,
      },
    ]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entity: "FundingSnapshot", entityId: snapshot.id } });
    expect(event).toMatchObject({ action: "funding-snapshot.create", actorId: business.id });
  });

  it("compares two snapshots: what moved and why, after a score change, a stage change and a new model", async () => {
    const db = own.db();
    const { createFundingSnapshot, compareFundingSnapshots, summaryOf } = await import("./funding-snapshots");
    const { compareSnapshots } = await import("@/lib/funding-compare");
    // The comparison pairs the rows in PostgreSQL and sends only those that differ: it must say
    // exactly what comparing the two whole lists says.
    const reference = (from: typeof before, to: typeof before) => ({
      from: summaryOf(from),
      to: summaryOf(to),
      ...compareSnapshots(from, to),
    });
    const { putScores } = await import("./scores");
    const { getScoringModel, updateScoringModel } = await import("./scoring-model");
    const admin = await makeUser(db, { role: "ADMIN" });
    const business = await makeUser(db, { role: "BUSINESS" });
    const risk = await makeUser(db, { role: "RISK" });
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    // Scored high (value 5) so they rank above the first test's use cases; D leaves the list later.
    const [a, b, c, d] = await Promise.all(
      ["Moving A", "Moving B", "Moving C", "Moving D"].map((title) =>
        makeUseCase(db, { ownerId: owner.id, title, riskTier: null }),
      ),
    );
    if (!a || !b || !c || !d) throw new Error("seed");
    const score = (row: { number: number }, values: Record<string, number>) =>
      putScores(business, formatKey(row.number), scoresOf(values));
    await score(a, { "business-value": 5, feasibility: 5, "data-readiness": 5 });
    await score(b, { "business-value": 5, feasibility: 5, "data-readiness": 4 });
    await score(c, { "business-value": 5, feasibility: 2, "data-readiness": 2 });
    await score(d, { "business-value": 5, feasibility: 1 });
    const before = await createFundingSnapshot(business, { name: "Before" });
    const rankOf = (snapshot: typeof before, id: string) => snapshot.rows.find((row) => row.useCaseId === id)?.rank;
    expect(rankOf(before, a.id)).toBeLessThan(rankOf(before, b.id) as number);
    expect(rankOf(before, b.id)).toBeLessThan(rankOf(before, c.id) as number);

    // C's feasibility and data readiness rise past A and B; B moves to PROTOTYPE; D's scores go; E is new.
    await score(c, { feasibility: 5, "data-readiness": 5, "strategic-fit": 5 });
    await db.useCase.update({ where: { id: b.id }, data: { stage: "PROTOTYPE" } });
    await db.useCaseScore.deleteMany({ where: { useCaseId: d.id } });
    const e = await makeUseCase(db, { ownerId: owner.id, title: "Moving E", riskTier: null });
    await score(e, { "business-value": 1 });
    const after = await createFundingSnapshot(business, { name: "After" });

    // Every signed-in role compares (RISK here).
    const moved = await compareFundingSnapshots(risk, { from: before.id, to: after.id });
    expect(moved).toEqual(reference(before, after));
    expect(moved.counts.SAME, "the first test's use cases stayed where they were").toBeGreaterThan(0);
    expect(moved.modelChanged).toBe(false);
    expect(moved.from).toMatchObject({ id: before.id, name: "Before" });
    const find = (moves: SnapshotMove[], id: string) => moves.find((move) => move.useCaseId === id);
    const upC = find(moved.moves, c.id);
    expect(upC).toMatchObject({
      change: "UP",
      rankBefore: rankOf(before, c.id),
      rankAfter: rankOf(after, c.id),
      movedBy: (rankOf(before, c.id) as number) - (rankOf(after, c.id) as number),
    });
    expect(upC?.reasons.map((r) => r.text)).toEqual([
      "Feasibility 2.00 → 5.00",
      "Data readiness 2.00 → 5.00",
      "Strategic fit unscored → 5.00",
    ]);
    expect(upC?.reasons[0]).toMatchObject({
      kind: "CRITERION",
      criterion: "feasibility",
      before: "2.00",
      after: "5.00",
    });
    // A lost a place to C with its own score unchanged: others moved around it.
    const downA = find(moved.moves, a.id);
    expect(downA).toMatchObject({ change: "DOWN", movedBy: -1, scoreBefore: downA?.scoreAfter });
    expect(downA?.reasons.map((r) => r.kind)).toEqual(["OTHERS"]);
    // B moved down too, and its stage changed: said as a reason.
    expect(find(moved.moves, b.id)?.reasons).toContainEqual(
      expect.objectContaining({ kind: "STAGE", before: "POC", after: "PROTOTYPE", text: "Stage POC → Prototype" }),
    );
    expect(find(moved.moves, d.id)).toMatchObject({
      change: "DROPPED",
      rankAfter: null,
      movedBy: null,
      reasons: [expect.objectContaining({ kind: "LEFT" })],
    });
    expect(find(moved.moves, e.id)).toMatchObject({
      change: "NEW",
      rankBefore: null,
      reasons: [expect.objectContaining({ kind: "ENTERED" })],
    });
    expect(moved.counts.UP).toBeGreaterThanOrEqual(1);
    expect(moved.counts.NEW).toBe(1);
    expect(moved.counts.DROPPED).toBe(1);
    // Reasons of their own first: the first UP move is C's.
    expect(moved.moves[0]?.useCaseId).toBe(c.id);

    // A new model version weighing data readiness 100: no value changes, only the weights move the
    // totals, and every use case whose total changed gives the new model as its reason.
    const model = await getScoringModel(admin);
    const weights = model.criteria.map((cr) => (cr.key === "data-readiness" ? { ...cr, weight: 100 } : cr));
    await updateScoringModel(admin, {
      formula: model.formula,
      criteria: weights,
      ebitdaBands: model.ebitdaBands,
      expectedVersion: model.version,
    });
    const reweighed = await createFundingSnapshot(admin, { name: "Reweighed" });
    expect(reweighed.modelVersion).toBe(model.version + 1);
    const byModel = await compareFundingSnapshots(business, { from: after.id, to: reweighed.id });
    expect(byModel).toEqual(reference(after, reweighed));
    expect(byModel.modelChanged).toBe(true);
    const text = `Scoring model version ${model.version} → ${model.version + 1} (Data readiness weight 20 → 100)`;
    // B (data readiness 4): its total rose from 65 to 69.4, the model the only reason.
    const bMove = find(byModel.moves, b.id);
    expect(bMove).toMatchObject({ scoreBefore: 65, scoreAfter: 69.4 });
    expect(bMove?.reasons).toEqual([
      { kind: "MODEL", criterion: null, before: String(model.version), after: String(model.version + 1), text },
    ]);
    // E (only business value 1) scored 0 under both: unchanged, not listed.
    expect(find(byModel.moves, e.id)).toBeUndefined();
  });

  it("are taken by BUSINESS and admins only, with a name of 1 to 120 characters, and read by everyone", async () => {
    const db = own.db();
    const { createFundingSnapshot, getFundingSnapshot, compareFundingSnapshots, listFundingSnapshots } = await import(
      "./funding-snapshots"
    );
    const business = await makeUser(db, { role: "BUSINESS" });
    const taken = await createFundingSnapshot(business, { name: "Allowed" });
    for (const role of ["DATA_SCIENTIST", "IT", "RISK"] as const) {
      const user = await makeUser(db, { role });
      const refused = await failure(createFundingSnapshot(user, { name: "Not mine to take" }));
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.message).toBe("Only BUSINESS users and admins take funding-round snapshots.");
      expect((await getFundingSnapshot(user, taken.id)).id).toBe(taken.id);
      expect((await listFundingSnapshots(user)).map((s) => s.id)).toContain(taken.id);
    }
    const count = await db.fundingSnapshot.count();
    for (const name of ["", "   ", "x".repeat(121), 12]) {
      const invalid = await failure(createFundingSnapshot(business, { name }));
      expect(invalid.code).toBe("VALIDATION");
      expect(invalid.details.errors?.map((issue) => issue.path)).toEqual(["name"]);
    }
    expect((await failure(createFundingSnapshot(business, { name: "ok", extra: 1 }))).code).toBe("VALIDATION");
    expect((await createFundingSnapshot(business, { name: "y".repeat(120) })).name).toHaveLength(120);
    expect(await db.fundingSnapshot.count()).toBe(count + 1);
    expect((await failure(getFundingSnapshot(business, "c-no-such-snapshot"))).code).toBe("NOT_FOUND");
    expect((await failure(getFundingSnapshot(business, "nul\u0000"))).code).toBe("NOT_FOUND");
    const unknown = await failure(compareFundingSnapshots(business, { from: taken.id, to: "c-no-such-snapshot" }));
    expect(unknown.code).toBe("NOT_FOUND");
    const missing = await failure(compareFundingSnapshots(business, { from: taken.id }));
    expect(missing.details.errors?.map((issue) => issue.path)).toEqual(["to"]);
  });
});
