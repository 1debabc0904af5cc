// An audit event's before/after as a field-by-field diff a person reads: labels instead of keys,
// money formatted, long texts diffed by words. The raw JSON stays available beside it.
import { diffWords } from "diff";
import { formatMoney, MONEY_PATTERN } from "./money";

type Json = unknown;

/** One part of a word diff: kept, removed or added text. */
export type WordPart = { text: string; change: "same" | "removed" | "added" };

export type FieldChange = {
  field: string;
  label: string;
  /** "changed" has both sides; "added" only after (a new record); "removed" only before. */
  kind: "changed" | "added" | "removed";
  before: string;
  after: string;
  /** For long texts changed on both sides: the words kept, removed and added, in order. */
  words?: WordPart[];
};

const LABELS: Record<string, string> = {
  title: "Title",
  summary: "Summary",
  output: "Output",
  outcome: "Outcome",
  pocResult: "POC result",
  benefitArea: "Benefit area",
  ebitda: "EBITDA",
  ebitdaLow: "EBITDA low",
  ebitdaBase: "EBITDA base",
  ebitdaHigh: "EBITDA high",
  runCostPerYear: "Run cost per year",
  horizonYears: "Horizon (years)",
  ownerId: "Owner",
  sponsorId: "Sponsor",
  emailNotifications: "Email notifications",
  locale: "Language",
  url: "Address",
  useCase: "Use case",
  externalId: "External id",
  riskTier: "Risk tier",
  evidenceUrls: "Evidence links",
  fteDays: "FTE days",
};

// Amounts by their field names; a figure elsewhere (a count, a version) is not money.
const MONEY_FIELDS = new Set([
  "ebitdaLow",
  "ebitdaBase",
  "ebitdaHigh",
  "investment",
  "runCostPerYear",
  "amount",
  "low",
  "base",
  "high",
  "peopleDayRate",
]);

/** A text this long, or on several lines, is diffed by words. */
const LONG_TEXT = 60;

/** "runCostPerYear" -> "Run cost per year": the fallback label of a field. */
export function fieldLabel(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function currencyOf(record: Record<string, Json>, fallback: string): string {
  const own = record.currency;
  return typeof own === "string" && /^[A-Z]{3}$/.test(own) ? own : fallback;
}

function show(field: string, value: Json, currency: string, locale: string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") {
    return MONEY_FIELDS.has(field) && MONEY_PATTERN.test(value) ? formatMoney(value, currency, locale) : value;
  }
  if (typeof value === "number") return value.toLocaleString(locale);
  if (Array.isArray(value)) {
    return value.every((item) => typeof item !== "object" || item === null)
      ? value.map((item) => show(field, item, currency, locale)).join(", ") || "—"
      : JSON.stringify(value);
  }
  if (typeof value === "object") {
    const record = value as Record<string, Json>;
    // An EBITDA range: "€1,000 – €2,000 – €3,000".
    if (["low", "base", "high"].every((key) => typeof record[key] === "string")) {
      const money = currencyOf(record, currency);
      return ["low", "base", "high"].map((key) => show(key, record[key], money, locale)).join(" – ");
    }
    return JSON.stringify(value);
  }
  return String(value);
}

function asRecord(value: Json): Record<string, Json> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, Json>) : {};
}

/**
 * The fields an event changed, in the order they were recorded. `currency` is the amounts'
 * currency where the event does not say (it does when it records a `currency`).
 */
export function fieldChanges(before: Json, after: Json, currency: string, locale: string): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const money = currencyOf(a, currencyOf(b, currency));
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const inBefore = field in b;
    const inAfter = field in a;
    const kind = inBefore && inAfter ? "changed" : inAfter ? "added" : "removed";
    const change: FieldChange = {
      field,
      label: fieldLabel(field),
      kind,
      before: inBefore ? show(field, b[field], money, locale) : "",
      after: inAfter ? show(field, a[field], money, locale) : "",
    };
    const old = b[field];
    const now = a[field];
    const long = (text: Json) => typeof text === "string" && (text.length > LONG_TEXT || text.includes("\n"));
    if (kind === "changed" && typeof old === "string" && typeof now === "string" && (long(old) || long(now))) {
      change.words = diffWords(old, now).map((part) => ({
        text: part.value,
        change: part.added ? "added" : part.removed ? "removed" : "same",
      }));
    }
    return change;
  });
}
