import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { formatKey } from "@/lib/lifecycle";
import {
  type Criterion,
  type CriterionInput,
  DEFAULT_MODEL,
  derivedScore,
  priorityScore,
  RICE_MODEL,
  rankByPriority,
  type ScoringModelDefinition,
} from "@/lib/priority-score";
import type { RiskTier } from "@/lib/risk-screening";
import { makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";
import type { DomainError } from "../errors";

// The scoring model is one shared record: this file has a database of its own.
const own = withOwnDatabase("priority");

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

/** A model as the PUT takes it: its definition and the version it was read at. */
const asInput = ({ formula, criteria, ebitdaBands }: ScoringModelDefinition, expectedVersion: number) => ({
  formula,
  criteria,
  ebitdaBands,
  expectedVersion,
});

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  if (error?.name !== "DomainError") throw new Error(`expected a DomainError, got ${error}`);
  return error as DomainError;
}

const TIERS: (RiskTier | null)[] = [null, "MINIMAL", "LIMITED", "HIGH", "UNACCEPTABLE"];
const BASES = [null, "0", "99999.99", "100000", "750000.50", "1000000", "4999999.99", "5000000", "9999999999999.99"];

/** Every use case's score and rank computed in TypeScript from the rows in the database. */
async function truthInCode(model: ScoringModelDefinition) {
  const db = own.db();
  const [useCases, scores] = await Promise.all([
    db.useCase.findMany({ select: { id: true, number: true, ebitdaBase: true, riskTier: true } }),
    db.useCaseScore.findMany({ select: { useCaseId: true, criterion: true, value: true } }),
  ]);
  const rows = useCases.map((u) => {
    const facts = { ebitdaBase: u.ebitdaBase == null ? null : u.ebitdaBase.toFixed(2), riskTier: u.riskTier };
    const inputs: Record<string, CriterionInput> = {};
    for (const c of model.criteria) {
      if (c.derivedFrom) {
        const derived = derivedScore(c, facts, model.ebitdaBands);
        inputs[c.key] = derived == null ? null : { derived };
      } else {
        const mine = scores.filter((s) => s.useCaseId === u.id && s.criterion === c.key);
        inputs[c.key] = { sum: mine.reduce((sum, s) => sum + s.value, 0), count: mine.length };
      }
    }
    return { id: u.id, number: u.number, priorityScore: priorityScore(model, inputs) };
  });
  return new Map(rankByPriority(rows).map((r) => [r.id, { score: r.priorityScore, rank: r.rank }]));
}

async function truthInSql(model: ScoringModelDefinition, previous: ScoringModelDefinition | null = null) {
  const { priorityRowsSql } = await import("./priority-sql");
  const rows = await own
    .db()
    .$queryRaw<{ useCaseId: string; tenths: bigint | null; rank: bigint | null; previousRank: bigint | null }[]>(
      Prisma.sql`SELECT * FROM ${priorityRowsSql(model, previous)} p`,
    );
  return new Map(
    rows.map((r) => [
      r.useCaseId,
      {
        score: r.tenths == null ? null : Number(r.tenths) / 10,
        rank: r.rank == null ? null : Number(r.rank),
        previousRank: r.previousRank == null ? null : Number(r.previousRank),
      },
    ]),
  );
}

describe("the priority score in SQL", () => {
  it("equals priorityScore() and its ranking for many random models and scores", async () => {
    const db = own.db();
    const next = random(20);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const scorers = await Promise.all([1, 2, 3, 4].map(() => makeUser(db, { role: "BUSINESS" })));
    const keys = ["c-a", "c-b", "c-c", "c-d", "reach", "impact", "confidence", "effort"];
    for (let i = 0; i < 60; i++) {
      const base = pick(BASES);
      const row = await makeUseCase(db, {
        ownerId: owner.id,
        title: `Sqlts ${i}`,
        ebitda: base == null ? undefined : { low: "-1", base, high: "9999999999999.99" },
      });
      const tier = pick(TIERS);
      if (tier) await db.useCase.update({ where: { id: row.id }, data: { riskTier: tier } });
      for (const key of keys)
        for (const scorer of scorers)
          if (next() < 0.45)
            await db.useCaseScore.create({
              data: { useCaseId: row.id, criterion: key, scorerId: scorer.id, value: 1 + Math.floor(next() * 5) },
            });
    }
    const models: ScoringModelDefinition[] = [DEFAULT_MODEL, RICE_MODEL];
    for (let m = 0; m < 25; m++) {
      const criteria: Criterion[] = ["c-a", "c-b", "c-c", "c-d"].slice(0, 1 + Math.floor(next() * 4)).map((key) => ({
        key,
        label: key,
        weight: Math.floor(next() * 101),
        inverted: next() < 0.3,
        derivedFrom: next() < 0.25 ? pick(["EBITDA_BASE", "RISK_TIER"] as const) : null,
        guidance: ["1", "2", "3", "4", "5"],
      }));
      models.push({ formula: "WEIGHTED", criteria, ebitdaBands: ["100000", "500000", "1000000", "5000000"] });
    }
    let scored = 0;
    for (const model of models) {
      const [code, sql] = await Promise.all([truthInCode(model), truthInSql(model)]);
      expect(sql.size).toBe(code.size);
      for (const [id, expected] of code) {
        const got = sql.get(id);
        expect({ score: got?.score, rank: got?.rank }).toEqual(expected);
        if (expected.score != null) scored++;
      }
    }
    expect(scored).toBeGreaterThan(500);
  });
});

describe("scores and model versions", () => {
  it("ranks the list by score, equal scores by key, and shows the rank change after a new version", async () => {
    const db = own.db();
    const { updateScoringModel, getScoringModel } = await import("./scoring-model");
    const { putScores, getScores } = await import("./scores");
    const { listUseCases } = await import("../use-cases/list-use-cases");
    const admin = await makeUser(db, { role: "ADMIN" });
    const business = await makeUser(db, { role: "BUSINESS" });
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const a = await makeUseCase(db, { ownerId: owner.id, title: "Versioned A" });
    const b = await makeUseCase(db, { ownerId: owner.id, title: "Versioned B" });
    const c = await makeUseCase(db, { ownerId: owner.id, title: "Versioned C" });
    const score = (row: { number: number }, value: Record<string, number>) =>
      putScores(business, formatKey(row.number), {
        scores: Object.entries(value).map(([criterion, v]) => ({ criterion, value: v, comment: "why" })),
      });
    // A: business value 5, feasibility 1; B: value 1, feasibility 5; C: same as B (tie: lower key first).
    await score(a, { "business-value": 5, feasibility: 1 });
    await score(b, { "business-value": 1, feasibility: 5 });
    await score(c, { "business-value": 1, feasibility: 5 });
    const ranked = async () =>
      (await listUseCases(business, { q: "versioned", sort: "priority" })).items.map((i) => [
        i.title,
        i.rank,
        i.previousRank,
      ]);
    // Weights 30 vs 20: A = 45, B = C = 35.
    const first = await ranked();
    expect(first.map((r) => r[0])).toEqual(["Versioned A", "Versioned B", "Versioned C"]);
    // The factory screens every use case MINIMAL: risk (inverted) adds 15 × 4. A = 100 × (30×4 + 15×4) ÷ 400.
    expect((await getScores(business, formatKey(a.number))).priorityScore).toBe(45);

    const model = await getScoringModel(admin);
    expect(model.version).toBe(1);
    const heavierFeasibility = model.criteria.map((cr) => (cr.key === "feasibility" ? { ...cr, weight: 60 } : cr));
    const saved = await updateScoringModel(admin, asInput({ ...model, criteria: heavierFeasibility }, 1));
    expect(saved.version).toBe(2);
    const second = await ranked();
    expect(second.map((r) => r[0])).toEqual(["Versioned B", "Versioned C", "Versioned A"]);
    const rankA = first[0]?.[1] as number;
    // A fell two places; B and C rose one each; previousRank is the rank under version 1.
    expect(second[2]).toEqual(["Versioned A", rankA + 2, rankA]);
    expect(second[0]).toEqual(["Versioned B", rankA, rankA + 1]);

    // A stale expectedVersion is refused with the model as it is now.
    const stale = await failure(updateScoringModel(admin, asInput(model, 1)));
    expect(stale.code).toBe("CONFLICT");
    expect((stale.details.current as { version: number }).version).toBe(2);
    // Only an admin changes the model; only BUSINESS and the owner score.
    expect((await failure(updateScoringModel(business, asInput(model, 2)))).code).toBe("FORBIDDEN");
    const it = await makeUser(db, { role: "IT" });
    expect(
      (await failure(putScores(it, formatKey(a.number), { scores: [{ criterion: "feasibility", value: 3 }] }))).code,
    ).toBe("FORBIDDEN");
    const derived = await failure(putScores(owner, formatKey(a.number), { scores: [{ criterion: "risk", value: 3 }] }));
    expect(derived.details.errors).toEqual([
      { path: "scores.0.criterion", message: expect.stringContaining("derived") },
    ]);
  });

  it("keeps one score per (criterion, scorer) when the same person saves twice at once", async () => {
    const db = own.db();
    const { putScores } = await import("./scores");
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const row = await makeUseCase(db, { ownerId: owner.id, title: "Concurrent scoring" });
    const key = formatKey(row.number);
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5, 1, 2, 3].map((value) =>
        putScores(owner, key, { scores: [{ criterion: "feasibility", value, comment: `c${value}` }] }),
      ),
    );
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const stored = await db.useCaseScore.findMany({ where: { useCaseId: row.id } });
    expect(stored).toHaveLength(1);
    // The winner is whole: its value and comment come from the same save.
    expect(stored[0]?.comment).toBe(`c${stored[0]?.value}`);
    expect(await db.auditEvent.count({ where: { useCaseId: row.id, action: "score.update" } })).toBe(8);
  });

  it("makes one new version when two admins save at once", async () => {
    const db = own.db();
    const { updateScoringModel, getScoringModel } = await import("./scoring-model");
    const admins = await Promise.all([1, 2, 3].map(() => makeUser(db, { role: "ADMIN" })));
    const model = await getScoringModel(admins[0] as never);
    const results = await Promise.allSettled(
      admins.map((admin, i) =>
        updateScoringModel(
          admin,
          asInput({ ...model, criteria: model.criteria.map((c) => ({ ...c, weight: 10 + i })) }, model.version),
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as DomainError).code).toBe("CONFLICT");
    expect((await getScoringModel(admins[0] as never)).version).toBe(model.version + 1);
  });
});

describe("the stored scores", () => {
  it("follow every change, whoever writes it: scores by SQL, base EBITDA, tier and a new model", async () => {
    const db = own.db();
    const { refreshPriorities, priorityOf } = await import("./priority-of");
    const { STORED_PRIORITY_ROWS_SQL } = await import("./priority-sql");
    const { currentAndPreviousModels } = await import("./model-versions");
    const { updateScoringModel } = await import("./scoring-model");
    const stored = async () => {
      await refreshPriorities();
      const rows = await db.$queryRaw<
        { useCaseId: string; tenths: number | null; rank: bigint | null; previousRank: bigint | null }[]
      >(Prisma.sql`SELECT * FROM ${STORED_PRIORITY_ROWS_SQL} p`);
      return new Map(
        rows.map((r) => [
          r.useCaseId,
          {
            score: r.tenths == null ? null : r.tenths / 10,
            rank: r.rank == null ? null : Number(r.rank),
            previousRank: r.previousRank == null ? null : Number(r.previousRank),
          },
        ]),
      );
    };
    let checks = 0;
    const check = async (what: string) => {
      const { current, previous } = await currentAndPreviousModels();
      const [now, before, got] = await Promise.all([
        truthInCode(current),
        previous ? truthInCode(previous) : null,
        stored(),
      ]);
      for (const [id, expected] of now) {
        const row = got.get(id) ?? { score: null, rank: null, previousRank: null };
        expect({ score: row.score, rank: row.rank }, `${what}: ${id}`).toEqual(expected);
        expect(row.previousRank, `${what}: previous rank of ${id}`).toBe(before?.get(id)?.rank ?? null);
        const one = await priorityOf(id);
        expect(one, `${what}: priorityOf(${id})`).toEqual({
          priorityScore: expected.score,
          rank: expected.rank,
          previousRank: before?.get(id)?.rank ?? null,
        });
      }
      checks++;
    };
    const admin = await makeUser(db, { role: "ADMIN" });
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const scorers = await Promise.all([1, 2].map(() => makeUser(db, { role: "BUSINESS" })));
    const [a, b, c] = await Promise.all(
      ["Stored A", "Stored B", "Stored C"].map((title) =>
        makeUseCase(db, { ownerId: owner.id, title, ebitda: { low: "1", base: "200000", high: "300000" } }),
      ),
    );
    if (!a || !b || !c) throw new Error("three use cases");
    const { current } = await currentAndPreviousModels();
    const scorable = current.criteria.filter((cr) => !cr.derivedFrom).map((cr) => cr.key);
    // Scores written straight to the table, as a seed or an operator would: the triggers see them.
    await db.useCaseScore.createMany({
      data: [a, b, c].flatMap((row, i) =>
        scorers.flatMap((scorer, j) =>
          scorable.map((criterion, k) => ({
            useCaseId: row.id,
            criterion,
            scorerId: scorer.id,
            value: 1 + ((i + j + k) % 5),
          })),
        ),
      ),
    });
    await check("scores inserted");
    await db.useCaseScore.updateMany({ where: { useCaseId: a.id }, data: { value: 5 } });
    await check("scores updated");
    await db.useCaseScore.deleteMany({ where: { useCaseId: b.id, criterion: scorable[0] } });
    await check("scores deleted");
    await db.useCase.update({ where: { id: c.id }, data: { riskTier: "HIGH" } });
    await check("tier raised");
    const model = await currentAndPreviousModels().then((m) => m.current);
    const withValue: Criterion[] = [
      ...model.criteria,
      {
        key: "ebitda-value",
        label: "Value from base EBITDA",
        weight: 40,
        inverted: false,
        derivedFrom: "EBITDA_BASE",
        guidance: ["1", "2", "3", "4", "5"],
      },
    ];
    await updateScoringModel(admin, asInput({ ...model, criteria: withValue }, model.version));
    await check("a new model version");
    await db.useCase.update({ where: { id: a.id }, data: { ebitdaBase: "6000000" } });
    await check("base EBITDA changed");
    await db.$executeRaw`UPDATE "UseCase" SET "riskTier" = NULL WHERE id = ${b.id}`;
    await check("tier cleared by SQL");
    // The best ranked of the three removed by SQL leaves a gap in the ranks below it: the next read closes it.
    const top = await db.priorityRank.findFirst({
      where: { useCaseId: { in: [a.id, b.id, c.id] }, rank: { not: null } },
      orderBy: { rank: "asc" },
    });
    if (!top?.rank) throw new Error("one of the three is ranked");
    expect(await db.priorityRank.count({ where: { rank: { gt: top.rank } } })).toBeGreaterThan(0);
    await db.$executeRaw`DELETE FROM "UseCase" WHERE id = ${top.useCaseId}`;
    await check("a use case removed by SQL");
    expect(checks).toBe(8);
  });
});
