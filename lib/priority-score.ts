// The priority score: one pure definition of the weighted 0–100 total (and of the RICE preset)
// that the server, the UI and the SQL sort (server/priority/priority-sql.ts) follow. Arithmetic
// is on integers (hundredths and tenths), so the TypeScript and the SQL agree to the last digit.
import type { RiskTier } from "./risk-screening";

export const SCORE_LEVELS = [1, 2, 3, 4, 5] as const;
export type ScoringFormula = "WEIGHTED" | "RICE";
/** Where a derived criterion takes its 1–5 from instead of people's scores. */
export type DerivedFrom = "EBITDA_BASE" | "RISK_TIER";

export type Criterion = {
  /** Stable id (lowercase, digits, dashes): scores are kept per criterion key. */
  key: string;
  label: string;
  /** 0–100; weights are relative (a criterion weighing 0 does not count). */
  weight: number;
  /** A higher score is worse (risk): it counts as 6 − score. */
  inverted: boolean;
  derivedFrom: DerivedFrom | null;
  /** What a score of 1, 2, 3, 4 and 5 means. */
  guidance: string[];
};

export type ScoringModelDefinition = {
  formula: ScoringFormula;
  criteria: Criterion[];
  /** Base EBITDA from which a derived value scores 2, 3, 4 and 5 (decimal strings, ascending). */
  ebitdaBands: string[];
};

/** A risk tier as a 1–5 risk score (5 = the most risk). */
export const RISK_TIER_SCORE: Record<RiskTier, number> = { MINIMAL: 1, LIMITED: 2, HIGH: 4, UNACCEPTABLE: 5 };

export const RICE_KEYS = ["reach", "impact", "confidence", "effort"] as const;

export const DEFAULT_EBITDA_BANDS = ["100000", "500000", "1000000", "5000000"];

const levels = (...texts: string[]) => texts;

export const DEFAULT_CRITERIA: Criterion[] = [
  {
    key: "business-value",
    label: "Business value",
    weight: 30,
    inverted: false,
    derivedFrom: null,
    guidance: levels(
      "Nice to have: no measurable gain",
      "Small gain for one team",
      "Clear gain for one department",
      "Large gain across departments",
      "Changes a key result of the company",
    ),
  },
  {
    key: "feasibility",
    label: "Feasibility",
    weight: 20,
    inverted: false,
    derivedFrom: null,
    guidance: levels(
      "Unproven: research needed",
      "Hard: new methods and skills",
      "Doable with effort",
      "Done before elsewhere",
      "Routine for the team",
    ),
  },
  {
    key: "data-readiness",
    label: "Data readiness",
    weight: 20,
    inverted: false,
    derivedFrom: null,
    guidance: levels(
      "No data yet",
      "Data exists but is out of reach",
      "Data reachable, needs heavy cleaning",
      "Data clean, a few gaps",
      "Data clean, labelled and flowing",
    ),
  },
  {
    key: "strategic-fit",
    label: "Strategic fit",
    weight: 15,
    inverted: false,
    derivedFrom: null,
    guidance: levels(
      "Off strategy",
      "Loosely related",
      "Supports a team goal",
      "Supports a company goal",
      "Core to the strategy",
    ),
  },
  {
    key: "risk",
    label: "Risk",
    weight: 15,
    inverted: true,
    derivedFrom: "RISK_TIER",
    guidance: levels("Minimal", "Limited", "Moderate", "High", "Unacceptable"),
  },
];

export const DEFAULT_MODEL: ScoringModelDefinition = {
  formula: "WEIGHTED",
  criteria: DEFAULT_CRITERIA,
  ebitdaBands: DEFAULT_EBITDA_BANDS,
};

/** The RICE preset: reach × impact × confidence ÷ effort, each scored 1–5. */
export const RICE_MODEL: ScoringModelDefinition = {
  formula: "RICE",
  ebitdaBands: DEFAULT_EBITDA_BANDS,
  criteria: [
    {
      key: "reach",
      label: "Reach",
      weight: 25,
      inverted: false,
      derivedFrom: null,
      guidance: levels(
        "A few people",
        "One team",
        "One department",
        "Several departments",
        "The whole company or its customers",
      ),
    },
    {
      key: "impact",
      label: "Impact",
      weight: 25,
      inverted: false,
      derivedFrom: null,
      guidance: levels("Minimal", "Low", "Medium", "High", "Massive"),
    },
    {
      key: "confidence",
      label: "Confidence",
      weight: 25,
      inverted: false,
      derivedFrom: null,
      guidance: levels("A guess", "Some signals", "Evidence from one source", "Strong evidence", "Proven by a pilot"),
    },
    {
      key: "effort",
      label: "Effort",
      weight: 25,
      inverted: false,
      derivedFrom: null,
      guidance: levels("Days", "Weeks", "A quarter", "Half a year", "A year or more"),
    },
  ],
};

/** One criterion's input for a use case: people's scores (sum and count), or its derived 1–5. */
export type CriterionInput = { sum: number; count: number } | { derived: number } | null;

/** Round half up of a non-negative numerator / positive denominator. */
const roundDiv = (numerator: number, denominator: number) =>
  Math.floor((2 * numerator + denominator) / (2 * denominator));

/** A criterion's value in hundredths (100–500): the mean of the scores rounded half up to 0.01; null if none. */
export function criterionHundredths(input: CriterionInput): number | null {
  if (input == null) return null;
  if ("derived" in input) return input.derived * 100;
  if (input.count === 0) return null;
  return roundDiv(100 * input.sum, input.count);
}

/** A base EBITDA (decimal string) in the bands: 1 below the first threshold, up to 5. */
export function ebitdaBandScore(base: string | null, bands: string[]): number | null {
  if (base == null) return null;
  const cents = (value: string) => {
    const negative = value.startsWith("-");
    const [whole = "0", fraction = ""] = (negative ? value.slice(1) : value).split(".");
    const abs = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
    return negative ? -abs : abs;
  };
  const value = cents(base);
  return 1 + bands.filter((threshold) => value >= cents(threshold)).length;
}

/** A derived criterion's 1–5 for a use case, or null when its source is not there. */
export function derivedScore(
  criterion: Criterion,
  useCase: { ebitdaBase: string | null; riskTier: RiskTier | null },
  bands: string[],
): number | null {
  if (criterion.derivedFrom === "EBITDA_BASE") return ebitdaBandScore(useCase.ebitdaBase, bands);
  if (criterion.derivedFrom === "RISK_TIER") return useCase.riskTier ? RISK_TIER_SCORE[useCase.riskTier] : null;
  return null;
}

/**
 * The priority score, 0–100 with one decimal, or null when nothing is scored yet.
 * WEIGHTED: 100 × Σ wᵢ (vᵢ − 1) ÷ (4 Σ wᵢ), where vᵢ is the criterion's value (6 − value when
 * inverted) and an unscored criterion counts as its lowest (so a half-scored use case does not
 * outrank a fully scored one). RICE: 100 × R × I × C ÷ (125 × E), null until all four are scored.
 * `inputs` is keyed by criterion key.
 */
export function priorityScore(model: ScoringModelDefinition, inputs: Record<string, CriterionInput>): number | null {
  const values = new Map(model.criteria.map((c) => [c.key, criterionHundredths(inputs[c.key] ?? null)]));
  if (model.formula === "RICE") {
    const [r, i, c, e] = RICE_KEYS.map((key) => values.get(key) ?? null);
    if (r == null || i == null || c == null || e == null) return null;
    // With hundredths r, i, c, e: 100 × (r·i·c/10⁶) ÷ (125 × e/100), in tenths: r·i·c ÷ (1250 e).
    return roundDiv(r * i * c, 1250 * e) / 10;
  }
  const counted = model.criteria.filter((c) => c.weight > 0);
  const totalWeight = counted.reduce((sum, c) => sum + c.weight, 0);
  if (totalWeight === 0 || counted.every((c) => values.get(c.key) == null)) return null;
  const numerator = counted.reduce((sum, c) => {
    const v = values.get(c.key);
    if (v == null) return sum;
    return sum + c.weight * ((c.inverted ? 600 - v : v) - 100);
  }, 0);
  // 100 × (numerator/100) ÷ (4 W), in tenths: 10·numerator/(4 W).
  return roundDiv(10 * numerator, 4 * totalWeight) / 10;
}

/** The order of the ranked list: score high to low, unscored last, equal scores by key number. */
export function comparePriority(
  a: { priorityScore: number | null; number: number },
  b: { priorityScore: number | null; number: number },
): number {
  if (a.priorityScore !== b.priorityScore) {
    if (a.priorityScore == null) return 1;
    if (b.priorityScore == null) return -1;
    return b.priorityScore - a.priorityScore;
  }
  return a.number - b.number;
}

/** Ranks 1..n of the scored use cases in comparePriority order (unscored ones get no rank). */
export function rankByPriority<T extends { priorityScore: number | null; number: number }>(
  rows: T[],
): (T & { rank: number | null })[] {
  const sorted = [...rows].sort(comparePriority);
  let rank = 0;
  return sorted.map((row) => ({ ...row, rank: row.priorityScore == null ? null : ++rank }));
}
