import { describe, expect, it } from "vitest";
import {
  BENEFIT_AREAS,
  type BenefitArea,
  formatKey,
  ROLES,
  STAGES,
  type Stage,
  type UseCaseStatus,
} from "@/lib/lifecycle";
import { MATRIX_MIDPOINT, QUADRANTS, type Quadrant, quadrantOf } from "@/lib/priority-matrix";
import { criterionHundredths, DEFAULT_EBITDA_BANDS, ebitdaBandScore, RICE_MODEL } from "@/lib/priority-score";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";
import type { DomainError } from "../errors";

// The matrix reads the scoring model, one shared record that the last test changes: a database
// of its own. Server modules are imported after beforeAll.
const own = withOwnDatabase("priority_matrix");

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (error?.name !== "DomainError") throw new Error(`expected a DomainError, got ${error}`);
  return error as DomainError;
}

const BASES = [null, "0", "99999.99", "100000", "750000.50", "1000000", "4999999.99", "5000000"];

type Truth = {
  key: string;
  number: number;
  stage: Stage;
  status: UseCaseStatus;
  benefitArea: BenefitArea | null;
  value: number | null;
  valueFrom: "scores" | "ebitda";
  effort: number | null;
};

/** Every use case's value, effort and quadrant under the default model, computed in TypeScript from the rows. */
async function truthInCode(): Promise<(Truth & { quadrant: Quadrant | null })[]> {
  const db = own.db();
  const [useCases, scores] = await Promise.all([
    db.useCase.findMany({
      select: { number: true, id: true, stage: true, status: true, benefitArea: true, ebitdaBase: true },
    }),
    db.useCaseScore.findMany({ select: { useCaseId: true, criterion: true, value: true } }),
  ]);
  return useCases.map((u) => {
    const mean = (criterion: string) => {
      const mine = scores.filter((s) => s.useCaseId === u.id && s.criterion === criterion);
      return criterionHundredths({ sum: mine.reduce((sum, s) => sum + s.value, 0), count: mine.length });
    };
    const scored = mean("business-value");
    const band = ebitdaBandScore(u.ebitdaBase == null ? null : u.ebitdaBase.toFixed(2), DEFAULT_EBITDA_BANDS);
    const value = scored ?? (band == null ? null : band * 100);
    const feasibility = mean("feasibility");
    const effort = feasibility == null ? null : 600 - feasibility;
    return {
      key: formatKey(u.number),
      number: u.number,
      stage: u.stage,
      status: u.status,
      benefitArea: u.benefitArea,
      value,
      valueFrom: scored == null ? "ebitda" : "scores",
      effort,
      quadrant: value == null || effort == null ? null : quadrantOf(value, effort),
    };
  });
}

describe("the priority matrix", () => {
  it("places each use case in its quadrant as the code computes it, and filters", async () => {
    const db = own.db();
    const { priorityMatrix } = await import("./priority-matrix");
    const next = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const viewer = await makeUser(db, { role: "IT" });
    const scorers = await Promise.all([1, 2, 3].map(() => makeUser(db, { role: "BUSINESS" })));
    for (let i = 0; i < 60; i++) {
      const base = pick(BASES);
      const row = await makeUseCase(db, {
        ownerId: owner.id,
        title: `Matrix ${i}`,
        stage: pick(STAGES),
        status: pick(["ACTIVE", "ACTIVE", "ACTIVE", "PAUSED", "STOPPED"] as const),
        benefitArea: pick([...BENEFIT_AREAS, null]),
        ebitda: base == null ? null : { low: "0", base, high: String(Math.ceil(Number(base)) * 2 + i) },
      });
      // Business value and feasibility by 0-3 people; strategic fit is noise the matrix ignores.
      for (const criterion of ["business-value", "feasibility", "strategic-fit"])
        for (const scorer of scorers)
          if (next() < 0.5)
            await db.useCaseScore.create({
              data: { useCaseId: row.id, criterion, scorerId: scorer.id, value: 1 + Math.floor(next() * 5) },
            });
    }
    // At the middle of the scale on both axes: low value, low effort (a fill-in).
    const middle = await makeUseCase(db, { ownerId: owner.id, title: "Matrix middle", stage: "POC" });
    await db.useCaseScore.createMany({
      data: [
        { useCaseId: middle.id, criterion: "business-value", scorerId: scorers[0]?.id as string, value: 3 },
        { useCaseId: middle.id, criterion: "feasibility", scorerId: scorers[0]?.id as string, value: 3 },
      ],
    });
    // Value 5, feasibility 5 (effort 1): a quick win whatever the code says.
    const quick = await makeUseCase(db, { ownerId: owner.id, title: "Matrix quick", stage: "PROTOTYPE" });
    await db.useCaseScore.createMany({
      data: [
        { useCaseId: quick.id, criterion: "business-value", scorerId: scorers[1]?.id as string, value: 5 },
        { useCaseId: quick.id, criterion: "feasibility", scorerId: scorers[1]?.id as string, value: 5 },
      ],
    });

    const truth = await truthInCode();
    expect(truth.find((t) => t.number === middle.number)?.quadrant).toBe("fill-ins");
    expect(truth.find((t) => t.number === quick.number)?.quadrant).toBe("quick-wins");
    const expectMatrix = async (input: Record<string, string>, keep: (t: Truth) => boolean) => {
      const matrix = await priorityMatrix(viewer, input);
      const wanted = truth.filter((t) => keep(t) && (input.status ? true : t.status !== "STOPPED"));
      const placed = wanted.filter((t) => t.quadrant != null);
      expect(matrix.considered).toBe(wanted.length);
      expect(matrix.placed).toBe(placed.length);
      for (const q of QUADRANTS) expect(matrix.counts[q], q).toBe(placed.filter((t) => t.quadrant === q).length);
      const shown = placed
        .filter((t) => !input.quadrant || t.quadrant === input.quadrant)
        .sort(
          (a, b) =>
            (b.value as number) - (a.value as number) ||
            (a.effort as number) - (b.effort as number) ||
            a.number - b.number,
        );
      expect(
        matrix.points.map((p) => [
          p.key,
          p.quadrant,
          Math.round(p.value * 100),
          Math.round(p.effort * 100),
          p.valueFrom,
        ]),
      ).toEqual(shown.map((t) => [t.key, t.quadrant, t.value, t.effort, t.valueFrom]));
      return matrix;
    };

    const all = await expectMatrix({}, () => true);
    expect(all.placed).toBeGreaterThan(20);
    expect(all.placed).toBeLessThan(all.considered); // some have no feasibility score
    expect(all.points.some((p) => p.valueFrom === "ebitda")).toBe(true);
    expect(new Set(all.points.map((p) => p.quadrant)).size).toBe(4);
    expect(all.axes).toEqual({
      value: { key: "business-value", label: "Business value" },
      effort: { key: "feasibility", label: "Feasibility", inverted: true },
    });
    const quickPoint = all.points.find((p) => p.key === formatKey(quick.number));
    expect(quickPoint).toMatchObject({ value: 5, effort: 1, quadrant: "quick-wins", stage: "PROTOTYPE" });
    const middlePoint = all.points.find((p) => p.key === formatKey(middle.number));
    expect(middlePoint).toMatchObject({ value: MATRIX_MIDPOINT / 100, effort: MATRIX_MIDPOINT / 100 });

    // The quadrant narrows the points, not the counts.
    const quickWins = await expectMatrix({ quadrant: "quick-wins" }, () => true);
    expect(quickWins.counts).toEqual(all.counts);
    expect(quickWins.points.every((p) => p.quadrant === "quick-wins")).toBe(true);
    expect(quickWins.points.map((p) => p.key)).toContain(formatKey(quick.number));
    await expectMatrix({ stage: "PROTOTYPE" }, (t) => t.stage === "PROTOTYPE");
    await expectMatrix({ benefitArea: "COST_REDUCTION" }, (t) => t.benefitArea === "COST_REDUCTION");
    await expectMatrix({ status: "STOPPED" }, (t) => t.status === "STOPPED");
    await expectMatrix(
      { status: "ACTIVE", stage: "POC", quadrant: "money-pits" },
      (t) => t.status === "ACTIVE" && t.stage === "POC",
    );
    await expectMatrix({ owner: viewer.id }, () => false);
    // The range's width is the bubble: high − low (the lows are 0 here), exact.
    for (const p of all.points)
      expect(p.rangeWidth).toBe(
        p.ebitda.base == null ? null : (Number(p.ebitda.high) - Number(p.ebitda.low)).toFixed(2),
      );
  });

  it("is read by every role, and refuses unknown filters", async () => {
    const db = own.db();
    const { priorityMatrix } = await import("./priority-matrix");
    for (const role of ROLES) {
      const user = await makeUser(db, { role });
      expect((await priorityMatrix(user, {})).axes.effort?.key).toBe("feasibility");
    }
    const user = await makeUser(db, { role: "BUSINESS" });
    expect((await failure(priorityMatrix(user, { quadrant: "somewhere" }))).code).toBe("VALIDATION");
    expect((await failure(priorityMatrix(user, { sort: "value" }))).code).toBe("VALIDATION");
    expect((await failure(priorityMatrix(null as never, {}))).code).toBe("FORBIDDEN");
  });

  it("orders the board's cards by the list's priority ranks", async () => {
    const db = own.db();
    const { boardColumns } = await import("../portfolio/board");
    const { listUseCases } = await import("../use-cases/list-use-cases");
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const scorer = await makeUser(db, { role: "BUSINESS" });
    const rows = await Promise.all(
      [2, 5, 1, 4].map(async (value, i) => {
        const row = await makeUseCase(db, { ownerId: owner.id, title: `Board ranked ${i}`, stage: "PACKAGING" });
        await db.useCaseScore.create({
          data: { useCaseId: row.id, criterion: "business-value", scorerId: scorer.id, value },
        });
        return row;
      }),
    );
    // Not screened either: the derived risk criterion would score it.
    const unscored = await makeUseCase(db, {
      ownerId: owner.id,
      title: "Board unscored",
      stage: "PACKAGING",
      riskTier: null,
    });
    const list = await listUseCases(owner, { owner: owner.id, sort: "priority", stage: "PACKAGING" });
    const byPriority = await boardColumns(owner, { owner: owner.id }, "priority");
    const packaging = byPriority.find((c) => c.stage === "PACKAGING");
    expect(packaging?.cards.map((c) => [c.key, c.rank, c.priorityScore])).toEqual(
      list.items.map((i) => [i.key, i.rank, i.priorityScore]),
    );
    expect(packaging?.cards.map((c) => c.title)).toEqual([
      "Board ranked 1",
      "Board ranked 3",
      "Board ranked 0",
      "Board ranked 2",
      "Board unscored",
    ]);
    expect(packaging?.cards.at(-1)?.rank).toBeNull();
    // By last change, the cards still carry their rank.
    const byUpdate = await boardColumns(owner, { owner: owner.id });
    const ranks = new Map(list.items.map((i) => [i.key, i.rank]));
    for (const card of byUpdate.find((c) => c.stage === "PACKAGING")?.cards ?? [])
      expect(card.rank).toBe(ranks.get(card.key));
    expect(rows).toHaveLength(4);
    expect(unscored.number).toBeGreaterThan(0);
  });

  it("pages the ranked list across the scored and the unscored, and the board shows its first 50 per stage", async () => {
    const db = own.db();
    const { boardColumns } = await import("../portfolio/board");
    const { listUseCases } = await import("../use-cases/list-use-cases");
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const scorer = await makeUser(db, { role: "BUSINESS" });
    // 56 in the prototype (52 scored with many ties, 4 unscored), 3 in the POC and a stopped one.
    const specs: { stage: "PROTOTYPE" | "POC"; value: number | null; status?: "STOPPED" }[] = [
      ...Array.from({ length: 56 }, (_, i) => ({
        stage: "PROTOTYPE" as const,
        value: i % 14 < 13 ? 1 + (i % 5) : null,
      })),
      { stage: "POC", value: 3 },
      { stage: "POC", value: null },
      { stage: "POC", value: 5 },
      { stage: "POC", value: 4, status: "STOPPED" },
    ];
    for (const [i, spec] of specs.entries()) {
      const row = await makeUseCase(db, {
        ownerId: owner.id,
        title: `Paged ${i}`,
        stage: spec.stage,
        status: spec.status,
        riskTier: spec.value == null ? null : "MINIMAL",
      });
      if (spec.value != null)
        await db.useCaseScore.create({
          data: { useCaseId: row.id, criterion: "business-value", scorerId: scorer.id, value: spec.value },
        });
    }
    // The expected order, from every row's stored score: high to low, equal scores and the unscored by key.
    const all = (await listUseCases(owner, { owner: owner.id, sort: "key", limit: 100 })).items;
    expect(all).toHaveLength(specs.length);
    const number = (key: string) => Number(key.slice(3));
    const expected = [...all].sort(
      (a, b) => (b.priorityScore ?? -1) - (a.priorityScore ?? -1) || number(a.key) - number(b.key),
    );
    expect(expected.filter((i) => i.priorityScore == null)).toHaveLength(5);
    const paged: string[] = [];
    for (let offset = 0; offset < specs.length + 7; offset += 7) {
      const page = await listUseCases(owner, { owner: owner.id, sort: "priority", limit: 7, offset });
      expect(page.total).toBe(specs.length);
      paged.push(...page.items.map((i) => i.key));
    }
    expect(paged).toEqual(expected.map((i) => i.key));

    const board = await boardColumns(owner, { owner: owner.id }, "priority");
    for (const column of board) {
      const open = expected.filter((i) => i.stage === column.stage && i.status !== "STOPPED");
      expect(column.total).toBe(open.length);
      expect(column.cards.map((c) => [c.key, c.rank])).toEqual(open.slice(0, 50).map((i) => [i.key, i.rank]));
    }
    expect(board.find((c) => c.stage === "PROTOTYPE")?.cards.at(-1)?.rank).not.toBeNull();
    expect(board.find((c) => c.stage === "POC")?.cards.map((c) => c.title)).toEqual([
      "Paged 58",
      "Paged 56",
      "Paged 57",
    ]);
  });

  it("takes impact and effort under the RICE preset, and has no effort axis without one", async () => {
    const db = own.db();
    const { priorityMatrix } = await import("./priority-matrix");
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const scorer = await makeUser(db, { role: "BUSINESS" });
    const row = await makeUseCase(db, { ownerId: owner.id, title: "Rice matrix" });
    await db.useCaseScore.createMany({
      data: [
        { useCaseId: row.id, criterion: "impact", scorerId: scorer.id, value: 4 },
        { useCaseId: row.id, criterion: "effort", scorerId: scorer.id, value: 2 },
      ],
    });
    await db.scoringModel.create({
      data: { version: 2, formula: "RICE", criteria: RICE_MODEL.criteria, ebitdaBands: RICE_MODEL.ebitdaBands },
    });
    const rice = await priorityMatrix(owner, { owner: owner.id });
    expect(rice.axes).toEqual({
      value: { key: "impact", label: "Impact" },
      effort: { key: "effort", label: "Effort", inverted: false },
    });
    expect(rice.points.map((p) => [p.key, p.value, p.effort, p.quadrant])).toEqual([
      [formatKey(row.number), 4, 2, "quick-wins"],
    ]);
    await db.scoringModel.create({
      data: {
        version: 3,
        formula: "WEIGHTED",
        criteria: RICE_MODEL.criteria.filter((c) => c.key !== "effort"),
        ebitdaBands: RICE_MODEL.ebitdaBands,
      },
    });
    const none = await priorityMatrix(owner, { owner: owner.id });
    expect(none.axes.effort).toBeNull();
    expect(none.placed).toBe(0);
    expect(none.considered).toBe(1);
  });
});
