// Cell values in plain words -> the stored values. Each parser answers the value, or an
// error message that names what would be accepted.
import {
  BENEFIT_AREA_LABELS,
  BENEFIT_AREAS,
  type BenefitArea,
  STAGE_LABELS,
  STAGES,
  STATUS_LABELS,
  STATUSES,
  type Stage,
  type UseCaseStatus,
} from "../lifecycle";
import { parseAmountInput } from "../money";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const word = (text: string) =>
  text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]/g, "");

function byWords<T extends string>(
  values: readonly T[],
  labels: Record<T, string>,
  extra: Record<string, T>,
  what: string,
): (text: string) => Parsed<T> {
  const table = new Map<string, T>(Object.entries(extra));
  for (const value of values) {
    table.set(word(value), value);
    table.set(word(labels[value]), value);
  }
  const accepted = values.map((value) => `"${labels[value]}"`).join(", ");
  return (text) => {
    const value = table.get(word(text));
    return value ? { ok: true, value } : { ok: false, message: `"${text}" is not a ${what}: use one of ${accepted}.` };
  };
}

export const parseStage = byWords<Stage>(
  STAGES,
  STAGE_LABELS,
  {
    proofofconcept: "POC",
    pilot: "PROTOTYPE",
    packaging: "PACKAGING",
    packagingandpreparing: "PACKAGING",
    packagingpreparing: "PACKAGING",
    preparing: "PACKAGING",
    prod: "PRODUCTION",
    live: "PRODUCTION",
  },
  "stage",
);

export const parseStatus = byWords<UseCaseStatus>(
  STATUSES,
  STATUS_LABELS,
  { onhold: "PAUSED", cancelled: "STOPPED", canceled: "STOPPED" },
  "status",
);

export const parseBenefitArea = byWords<BenefitArea>(
  BENEFIT_AREAS,
  BENEFIT_AREA_LABELS,
  {
    revenue: "REVENUE_GROWTH",
    growth: "REVENUE_GROWTH",
    cost: "COST_REDUCTION",
    costs: "COST_REDUCTION",
    savings: "COST_REDUCTION",
    costsavings: "COST_REDUCTION",
  },
  "benefit area",
);

/**
 * An amount as people write it in a spreadsheet: the locale forms the app accepts
 * (lib/money.ts parseAmountInput: "1 250 000,50", "1,250,000.50", "1.250.000,50"), with a
 * currency sign or code around it dropped ("€1,200", "1200 EUR"). The schema judges the rest.
 */
export function amountFromCell(text: string): string {
  const bare = text
    .trim()
    .replace(/^[A-Z]{3}\s*|\s*[A-Z]{3}$/g, "")
    .replace(/^[€$£¥₣₹]\s*|\s*[€$£¥₣₹]$/g, "");
  return parseAmountInput(bare);
}

/** The export defuses formula-like text with a leading apostrophe (lib/csv.ts safeText): undo it. */
export function textFromCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
