// Funding-round snapshots: what one freezes of the ranked list, and the comparison of two of them
// (what moved, and why). Pure: the server compares stored snapshots with it, the tests check it.
import { STAGE_LABELS, STATUS_LABELS, type Stage, type UseCaseStatus } from "./lifecycle";
import type { DerivedFrom, ScoringFormula } from "./priority-score";

/** The longest name a snapshot may have. */
export const SNAPSHOT_NAME_MAX = 120;

/** A criterion of the scoring model as the snapshot keeps it (its guidance left out). */
export type SnapshotCriterion = {
  key: string;
  label: string;
  weight: number;
  inverted: boolean;
  derivedFrom: DerivedFrom | null;
};

export type SnapshotModel = { formula: ScoringFormula; criteria: SnapshotCriterion[] };

/** One scored use case of the ranked list, frozen. */
export type SnapshotRow = {
  useCaseId: string;
  key: string;
  title: string;
  stage: Stage;
  status: UseCaseStatus;
  rank: number;
  /** 0–100, one decimal. */
  priorityScore: number;
  /**
   * Per criterion key of the model: the value the total used (the mean of the scores to 0.01, or
   * the derived 1–5), null when unscored (it then counts as its lowest).
   */
  criteria: Record<string, number | null>;
  /** A decimal string in `currency`, null when not estimated. */
  ebitdaBase: string | null;
  currency: string;
  /** Every cost recorded for the use case until the snapshot, in `currency`. */
  costToDate: string;
};

export type MoveKind = "UP" | "DOWN" | "NEW" | "DROPPED" | "SAME";

export type MoveReasonKind = "CRITERION" | "STAGE" | "STATUS" | "ENTERED" | "LEFT" | "MODEL" | "OTHERS";

/** Why a use case moved: one fact, with a sentence to show. */
export type MoveReason = {
  kind: MoveReasonKind;
  /** The criterion key (CRITERION), else null. */
  criterion: string | null;
  before: string | null;
  after: string | null;
  text: string;
};

export type SnapshotMove = {
  useCaseId: string;
  key: string;
  title: string;
  change: MoveKind;
  rankBefore: number | null;
  rankAfter: number | null;
  scoreBefore: number | null;
  scoreAfter: number | null;
  /** Places gained (positive) or lost (negative); null when it entered or left the list. */
  movedBy: number | null;
  reasons: MoveReason[];
};

export type SnapshotComparison = {
  /** The model versions of the two snapshots differ: every score may have moved with the weights. */
  modelChanged: boolean;
  counts: Record<MoveKind, number>;
  /** Every use case that moved, entered, left, or changed (a criterion value, its stage) in place. */
  moves: SnapshotMove[];
};

type Side = { modelVersion: number; model: SnapshotModel; rows: SnapshotRow[] };

const value = (v: number | null | undefined) => (v == null ? "unscored" : v.toFixed(2));
const reason = (
  kind: MoveReasonKind,
  text: string,
  before: string | null = null,
  after: string | null = null,
  criterion: string | null = null,
): MoveReason => ({ kind, criterion, before, after, text });

/** How the model's criteria changed between the two versions (weights, added, removed), in words. */
function modelChanges(from: SnapshotModel, to: SnapshotModel): string[] {
  const changes: string[] = [];
  if (from.formula !== to.formula) changes.push(`formula ${from.formula} → ${to.formula}`);
  const before = new Map(from.criteria.map((c) => [c.key, c]));
  for (const c of to.criteria) {
    const old = before.get(c.key);
    if (!old) changes.push(`${c.label} added (weight ${c.weight})`);
    else if (old.weight !== c.weight) changes.push(`${c.label} weight ${old.weight} → ${c.weight}`);
    else if (old.inverted !== c.inverted) changes.push(`${c.label} ${c.inverted ? "now" : "no longer"} inverted`);
  }
  for (const c of from.criteria) if (!to.criteria.some((n) => n.key === c.key)) changes.push(`${c.label} removed`);
  return changes;
}

/** The criterion values that changed, labelled with the later model's names (or the earlier's). */
function criterionReasons(before: SnapshotRow, after: SnapshotRow, from: SnapshotModel, to: SnapshotModel) {
  const labels = new Map([...from.criteria, ...to.criteria].map((c) => [c.key, c.label]));
  const keys = [...new Set([...to.criteria.map((c) => c.key), ...from.criteria.map((c) => c.key)])];
  return keys.flatMap((key) => {
    const a = before.criteria[key] ?? null;
    const b = after.criteria[key] ?? null;
    if (a === b) return [];
    return [
      reason(
        "CRITERION",
        `${labels.get(key) ?? key} ${value(a)} → ${value(b)}`,
        a == null ? null : a.toFixed(2),
        b == null ? null : b.toFixed(2),
        key,
      ),
    ];
  });
}

const ORDER: Record<MoveKind, number> = { UP: 0, DOWN: 1, NEW: 2, DROPPED: 3, SAME: 4 };

/**
 * Compare the ranked list of `from` (before) with `to` (after): per use case in either, its rank
 * and score before and after, how far it moved, and why (its criterion values, its stage or
 * status, entering or leaving the list, a new model version, or others moving around it). Use
 * cases that changed in no way are counted, not listed. Moves with reasons of their own come
 * first, then the largest moves.
 */
export function compareSnapshots(from: Side, to: Side): SnapshotComparison {
  const modelChanged = from.modelVersion !== to.modelVersion;
  const changes = modelChanged ? modelChanges(from.model, to.model) : [];
  // One reason, shared by every move the new model explains (reasons are only read).
  const modelReason = modelChanged
    ? reason(
        "MODEL",
        `Scoring model version ${from.modelVersion} → ${to.modelVersion}${changes.length ? ` (${changes.join(", ")})` : ""}`,
        String(from.modelVersion),
        String(to.modelVersion),
      )
    : null;
  const before = new Map(from.rows.map((row) => [row.useCaseId, row]));
  const after = new Map(to.rows.map((row) => [row.useCaseId, row]));
  const counts: Record<MoveKind, number> = { UP: 0, DOWN: 0, NEW: 0, DROPPED: 0, SAME: 0 };
  const moves: (SnapshotMove & { own: boolean })[] = [];

  for (const b of to.rows) {
    const a = before.get(b.useCaseId);
    if (!a) {
      counts.NEW++;
      moves.push({
        ...identity(b),
        change: "NEW",
        rankBefore: null,
        rankAfter: b.rank,
        scoreBefore: null,
        scoreAfter: b.priorityScore,
        movedBy: null,
        reasons: [
          reason("ENTERED", "Entered the ranked list: scored since the earlier snapshot, or created since."),
          ...(modelReason ? [modelReason] : []),
        ],
        own: true,
      });
      continue;
    }
    const reasons = [...criterionReasons(a, b, from.model, to.model)];
    if (a.stage !== b.stage)
      reasons.push(reason("STAGE", `Stage ${STAGE_LABELS[a.stage]} → ${STAGE_LABELS[b.stage]}`, a.stage, b.stage));
    if (a.status !== b.status)
      reasons.push(
        reason("STATUS", `Status ${STATUS_LABELS[a.status]} → ${STATUS_LABELS[b.status]}`, a.status, b.status),
      );
    const own = reasons.length > 0;
    const scoreChanged = a.priorityScore !== b.priorityScore;
    if (modelReason && scoreChanged) reasons.push(modelReason);
    const movedBy = a.rank - b.rank;
    if (movedBy !== 0 && !own && !scoreChanged)
      reasons.push(
        reason(
          "OTHERS",
          `Others moved ${movedBy > 0 ? "below" : "above"} it: its own score is unchanged (${b.priorityScore.toFixed(1)}).`,
        ),
      );
    const change: MoveKind = movedBy > 0 ? "UP" : movedBy < 0 ? "DOWN" : "SAME";
    counts[change]++;
    if (movedBy === 0 && !own && !scoreChanged) continue;
    moves.push({
      ...identity(b),
      change,
      rankBefore: a.rank,
      rankAfter: b.rank,
      scoreBefore: a.priorityScore,
      scoreAfter: b.priorityScore,
      movedBy,
      reasons,
      own,
    });
  }
  for (const a of from.rows) {
    if (after.has(a.useCaseId)) continue;
    counts.DROPPED++;
    moves.push({
      ...identity(a),
      change: "DROPPED",
      rankBefore: a.rank,
      rankAfter: null,
      scoreBefore: a.priorityScore,
      scoreAfter: null,
      movedBy: null,
      reasons: [reason("LEFT", "Left the ranked list: its scores were removed, or the use case was deleted.")],
      own: true,
    });
  }
  moves.sort(
    (x, y) =>
      ORDER[x.change] - ORDER[y.change] ||
      Number(y.own) - Number(x.own) ||
      Math.abs(y.movedBy ?? 0) - Math.abs(x.movedBy ?? 0) ||
      (x.rankAfter ?? x.rankBefore ?? 0) - (y.rankAfter ?? y.rankBefore ?? 0),
  );
  return { modelChanged, counts, moves: moves.map(({ own: _own, ...move }) => move) };
}

const identity = (row: SnapshotRow) => ({ useCaseId: row.useCaseId, key: row.key, title: row.title });
