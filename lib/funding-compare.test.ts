import { describe, expect, it } from "vitest";
import { compareSnapshots, type SnapshotModel, type SnapshotRow } from "./funding-compare";

const MODEL: SnapshotModel = {
  formula: "WEIGHTED",
  criteria: [
    { key: "value", label: "Value", weight: 50, inverted: false, derivedFrom: null },
    { key: "ease", label: "Ease", weight: 50, inverted: false, derivedFrom: null },
  ],
};

const row = (id: string, rank: number, score: number, criteria: Record<string, number | null>, extra = {}) =>
  ({
    useCaseId: id,
    key: `UC-${id}`,
    title: `Use case ${id}`,
    stage: "POC",
    status: "ACTIVE",
    rank,
    priorityScore: score,
    criteria,
    ebitdaBase: null,
    currency: "EUR",
    costToDate: "0.00",
    ...extra,
  }) as SnapshotRow;

describe("comparing two snapshots", () => {
  it("lists what moved with its reasons, own reasons first, and only counts what did not change", () => {
    const from = {
      modelVersion: 3,
      model: MODEL,
      rows: [
        row("1", 1, 80, { value: 5, ease: 4 }),
        row("2", 2, 60, { value: 4, ease: 3 }),
        row("3", 3, 40, { value: 3, ease: 2 }),
        row("4", 4, 20, { value: 2, ease: 1 }),
        row("5", 5, 10, { value: 1, ease: 1.5 }),
      ],
    };
    const to = {
      modelVersion: 3,
      model: MODEL,
      rows: [
        row("3", 1, 90, { value: 5, ease: 5 }),
        row("1", 2, 80, { value: 5, ease: 4 }),
        row("2", 3, 60, { value: 4, ease: 3 }),
        row("4", 4, 20, { value: 2, ease: 1 }, { stage: "PROTOTYPE" }),
        row("6", 5, 5, { value: 1, ease: null }),
      ],
    };
    const { moves, counts, modelChanged } = compareSnapshots(from, to);
    expect(modelChanged).toBe(false);
    expect(counts).toEqual({ UP: 1, DOWN: 2, NEW: 1, DROPPED: 1, SAME: 1 });
    expect(moves.map((m) => [m.useCaseId, m.change, m.movedBy])).toEqual([
      ["3", "UP", 2],
      ["1", "DOWN", -1],
      ["2", "DOWN", -1],
      ["6", "NEW", null],
      ["5", "DROPPED", null],
      ["4", "SAME", 0],
    ]);
    expect(moves[0]?.reasons.map((r) => r.text)).toEqual(["Value 3.00 → 5.00", "Ease 2.00 → 5.00"]);
    expect(moves[1]?.reasons).toEqual([
      {
        kind: "OTHERS",
        criterion: null,
        before: null,
        after: null,
        text: "Others moved above it: its own score is unchanged (80.0).",
      },
    ]);
    expect(moves[5]?.reasons.map((r) => r.text)).toEqual(["Stage POC → Prototype"]);
  });

  it("names a new model version and what changed in it on every total it moved", () => {
    const reweighed: SnapshotModel = {
      formula: "WEIGHTED",
      criteria: [
        { key: "value", label: "Value", weight: 80, inverted: false, derivedFrom: null },
        { key: "reach", label: "Reach", weight: 10, inverted: false, derivedFrom: null },
      ],
    };
    const from = { modelVersion: 1, model: MODEL, rows: [row("1", 1, 50, { value: 3, ease: 3 })] };
    const to = { modelVersion: 2, model: reweighed, rows: [row("1", 1, 55, { value: 3, reach: null })] };
    const { moves, modelChanged } = compareSnapshots(from, to);
    expect(modelChanged).toBe(true);
    expect(moves[0]?.change).toBe("SAME");
    expect(moves[0]?.reasons.map((r) => r.text)).toEqual([
      "Ease 3.00 → unscored",
      "Scoring model version 1 → 2 (Value weight 50 → 80, Reach added (weight 10), Ease removed)",
    ]);
  });
});
