import { describe, expect, it } from "vitest";
import {
  type Criterion,
  DEFAULT_MODEL,
  derivedScore,
  ebitdaBandScore,
  priorityScore,
  RICE_MODEL,
  rankByPriority,
  type ScoringModelDefinition,
} from "./priority-score";

const criterion = (key: string, weight: number, extra: Partial<Criterion> = {}): Criterion => ({
  key,
  label: key,
  weight,
  inverted: false,
  derivedFrom: null,
  guidance: ["1", "2", "3", "4", "5"],
  ...extra,
});
const weighted = (...criteria: Criterion[]): ScoringModelDefinition => ({
  formula: "WEIGHTED",
  criteria,
  ebitdaBands: ["100000", "500000", "1000000", "5000000"],
});
const one = (value: number) => ({ sum: value, count: 1 });

describe("the weighted priority score", () => {
  it("is 0 when everything scores 1 and 100 when everything scores 5", () => {
    const model = weighted(criterion("a", 30), criterion("b", 70));
    expect(priorityScore(model, { a: one(1), b: one(1) })).toBe(0);
    expect(priorityScore(model, { a: one(5), b: one(5) })).toBe(100);
  });

  it("weighs each criterion: 100 × Σ w (v − 1) ÷ 4 Σ w, to one decimal, half up", () => {
    const model = weighted(criterion("a", 30), criterion("b", 70));
    // 100 × (30×2 + 70×1) / (4×100) = 32.5
    expect(priorityScore(model, { a: one(3), b: one(2) })).toBe(32.5);
    // Weights 1 and 2: 100 × (1×4 + 2×0) / 12 = 33.33… → 33.3
    expect(priorityScore(weighted(criterion("a", 1), criterion("b", 2)), { a: one(5), b: one(1) })).toBe(33.3);
    // 100 × 2×1 / 12 = 16.66… → 16.7
    expect(priorityScore(weighted(criterion("a", 1), criterion("b", 2)), { a: one(1), b: one(2) })).toBe(16.7);
  });

  it("averages several people's scores, rounded to 0.01 first", () => {
    const model = weighted(criterion("a", 1));
    // mean of 4, 4, 5 = 4.333… → 4.33; 100 × 3.33 / 4 = 83.25 → 83.3
    expect(priorityScore(model, { a: { sum: 13, count: 3 } })).toBe(83.3);
  });

  it("counts an inverted criterion as 6 − score and an unscored one as its lowest", () => {
    const model = weighted(criterion("value", 1), criterion("risk", 1, { inverted: true }));
    expect(priorityScore(model, { value: one(5), risk: one(5) })).toBe(50);
    expect(priorityScore(model, { value: one(5), risk: one(1) })).toBe(100);
    expect(priorityScore(model, { value: one(5) })).toBe(50);
    expect(priorityScore(model, {})).toBeNull();
  });

  it("ignores criteria weighing 0", () => {
    const model = weighted(criterion("a", 1), criterion("b", 0));
    expect(priorityScore(model, { a: one(5), b: one(1) })).toBe(100);
    expect(priorityScore(model, { b: one(5) })).toBeNull();
  });
});

describe("the RICE preset", () => {
  it("is reach × impact × confidence ÷ effort on 0–100 (125 = 100)", () => {
    expect(priorityScore(RICE_MODEL, { reach: one(5), impact: one(5), confidence: one(5), effort: one(1) })).toBe(100);
    // 4×3×2 / 2 = 12 → 100 × 12 / 125 = 9.6
    expect(priorityScore(RICE_MODEL, { reach: one(4), impact: one(3), confidence: one(2), effort: one(2) })).toBe(9.6);
    // 1×1×1/5 = 0.2 → 0.16 → 0.2
    expect(priorityScore(RICE_MODEL, { reach: one(1), impact: one(1), confidence: one(1), effort: one(5) })).toBe(0.2);
  });

  it("waits for all four", () => {
    expect(priorityScore(RICE_MODEL, { reach: one(5), impact: one(5), confidence: one(5) })).toBeNull();
  });
});

describe("derived criteria", () => {
  const bands = DEFAULT_MODEL.ebitdaBands;
  it("scores base EBITDA by bands (a threshold itself is in the higher band)", () => {
    expect(ebitdaBandScore(null, bands)).toBeNull();
    expect(ebitdaBandScore("-5.00", bands)).toBe(1);
    expect(ebitdaBandScore("99999.99", bands)).toBe(1);
    expect(ebitdaBandScore("100000.00", bands)).toBe(2);
    expect(ebitdaBandScore("999999.99", bands)).toBe(3);
    expect(ebitdaBandScore("5000000", bands)).toBe(5);
    expect(ebitdaBandScore("9999999999999.99", bands)).toBe(5);
  });

  it("scores risk from the risk tier where there is one", () => {
    const risk = criterion("risk", 1, { inverted: true, derivedFrom: "RISK_TIER" });
    expect(derivedScore(risk, { ebitdaBase: null, riskTier: "HIGH" }, bands)).toBe(4);
    expect(derivedScore(risk, { ebitdaBase: null, riskTier: "MINIMAL" }, bands)).toBe(1);
    expect(derivedScore(risk, { ebitdaBase: null, riskTier: null }, bands)).toBeNull();
  });

  it("feeds the total like a score", () => {
    const model = weighted(
      criterion("value", 1, { derivedFrom: "EBITDA_BASE" }),
      criterion("risk", 1, { inverted: true, derivedFrom: "RISK_TIER" }),
    );
    const facts = { ebitdaBase: "2000000.00", riskTier: "LIMITED" as const };
    const inputs = Object.fromEntries(
      model.criteria.map((c) => [c.key, { derived: derivedScore(c, facts, model.ebitdaBands) as number }]),
    );
    // value 4, risk 2 → 4: 100 × (3 + 3) / 8 = 75
    expect(priorityScore(model, inputs)).toBe(75);
  });
});

describe("the ranking", () => {
  it("sorts by score high to low, equal scores by key, unscored last without a rank", () => {
    const ranked = rankByPriority([
      { number: 7, priorityScore: 50 },
      { number: 3, priorityScore: null },
      { number: 9, priorityScore: 80 },
      { number: 2, priorityScore: 50 },
      { number: 1, priorityScore: null },
    ]);
    expect(ranked.map((r) => [r.number, r.rank])).toEqual([
      [9, 1],
      [2, 2],
      [7, 3],
      [1, null],
      [3, null],
    ]);
  });
});
