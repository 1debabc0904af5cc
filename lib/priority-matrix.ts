// The priority matrix: value against effort, each on the scoring model's 1–5 scale, split in four
// quadrants at the middle of the scale. Pure definitions the server's SQL
// (server/priority/priority-matrix.ts), the page and the tests share.
import type { BenefitArea, Stage, UseCaseStatus } from "./lifecycle";
import type { ScoringModelDefinition } from "./priority-score";

export const QUADRANTS = ["quick-wins", "big-bets", "fill-ins", "money-pits"] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  "quick-wins": "Quick wins",
  "big-bets": "Big bets",
  "fill-ins": "Fill-ins",
  "money-pits": "Money pits",
};

export const QUADRANT_DESCRIPTIONS: Record<Quadrant, string> = {
  "quick-wins": "High value, low effort: fund these first.",
  "big-bets": "High value, high effort: plan them with care.",
  "fill-ins": "Low value, low effort: when there is room.",
  "money-pits": "Low value, high effort: question them.",
};

/**
 * The middle of the 1–5 scale in hundredths. A value or an effort above it is high; at or
 * below it, low (a use case scored 3 on both is a fill-in, not a bet).
 */
export const MATRIX_MIDPOINT = 300;

/** The quadrant of a value and an effort in hundredths (100–500). */
export function quadrantOf(valueHundredths: number, effortHundredths: number): Quadrant {
  const highValue = valueHundredths > MATRIX_MIDPOINT;
  const highEffort = effortHundredths > MATRIX_MIDPOINT;
  if (highValue) return highEffort ? "big-bets" : "quick-wins";
  return highEffort ? "money-pits" : "fill-ins";
}

/**
 * Which criteria of the scoring model give the matrix its axes. Value: the business value
 * criterion (RICE: impact), people's scores; a use case not scored on it is placed by its base
 * EBITDA in the model's bands, as a derived value criterion would be. Effort: the RICE effort
 * score, or the feasibility score turned around (6 − feasibility: "routine for the team" is
 * effort 1, "unproven" effort 5). Not cost to date: most candidates for funding have none yet.
 */
export type MatrixAxes = {
  value: { key: string; label: string } | null;
  effort: { key: string; label: string; inverted: boolean } | null;
};

export function matrixAxes(model: ScoringModelDefinition): MatrixAxes {
  const scored = model.criteria.filter((c) => !c.derivedFrom);
  const find = (key: string) => scored.find((c) => c.key === key);
  const value = find("business-value") ?? find("impact");
  const effort = find("effort");
  const feasibility = find("feasibility");
  return {
    value: value ? { key: value.key, label: value.label } : null,
    effort: effort
      ? { key: effort.key, label: effort.label, inverted: false }
      : feasibility
        ? { key: feasibility.key, label: feasibility.label, inverted: true }
        : null,
  };
}

/** A use case on the matrix. `value` and `effort` are 1–5 with two decimals. */
export type MatrixPoint = {
  key: string;
  number: number;
  title: string;
  stage: Stage;
  status: UseCaseStatus;
  benefitArea: BenefitArea | null;
  ebitda: { low: string | null; base: string | null; high: string | null; currency: string };
  /** ebitdaHigh − ebitdaLow (a decimal string), null without a range: the bubble's size. */
  rangeWidth: string | null;
  value: number;
  /** Where the value comes from: people's scores, or the base EBITDA's band. */
  valueFrom: "scores" | "ebitda";
  effort: number;
  quadrant: Quadrant;
};

export const MATRIX_SORTS = ["key", "title", "stage", "quadrant", "value", "effort", "range"] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number];
export type SortDirection = "ascending" | "descending";

const STAGE_ORDER: Record<Stage, number> = { POC: 0, PROTOTYPE: 1, PACKAGING: 2, PRODUCTION: 3 };

/** Exact comparison of two decimal strings (money), null first. */
function compareDecimal(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a == null) return -1;
  if (b == null) return 1;
  const cents = (text: string) => {
    const negative = text.startsWith("-");
    const [whole = "0", fraction = ""] = (negative ? text.slice(1) : text).split(".");
    const abs = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
    return negative ? -abs : abs;
  };
  const difference = cents(a) - cents(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

const COMPARE: Record<MatrixSort, (a: MatrixPoint, b: MatrixPoint) => number> = {
  key: (a, b) => a.number - b.number,
  title: (a, b) => a.title.localeCompare(b.title),
  stage: (a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage],
  quadrant: (a, b) => QUADRANTS.indexOf(a.quadrant) - QUADRANTS.indexOf(b.quadrant),
  value: (a, b) => a.value - b.value,
  effort: (a, b) => a.effort - b.effort,
  range: (a, b) => compareDecimal(a.rangeWidth, b.rangeWidth),
};

/** The table's rows sorted by one column (ties by key, always ascending), a new array. */
export function sortPoints(points: readonly MatrixPoint[], by: MatrixSort, direction: SortDirection): MatrixPoint[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...points].sort((a, b) => sign * COMPARE[by](a, b) || a.number - b.number);
}
