// Portfolio filters: the dashboard, the use-case list, the CSV export and the API share them (all in the URL).
import { z } from "zod";
import { BENEFIT_AREAS, STAGES, STATUSES } from "../lifecycle";
import { RISK_TIERS } from "../risk-screening";
import { TagFilterSchema } from "../tags";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "A date like 2026-01-31." });

export const PortfolioFiltersSchema = z
  .object({
    team: z.string().trim().max(100).optional(),
    benefitArea: z.enum(BENEFIT_AREAS).optional(),
    sponsor: z.string().trim().max(64).optional(),
    owner: z.string().trim().max(64).optional(),
    /** Use cases created from this day (inclusive)… */
    from: day.optional(),
    /** …to this day (inclusive). */
    to: day.optional(),
    /** The risk tier of the last submitted screening. */
    riskTier: z.enum(RISK_TIERS).optional(),
    /** Tags, comma-separated: use cases that have all of them. */
    tag: TagFilterSchema.optional(),
  })
  .strict();
export type PortfolioFilters = z.infer<typeof PortfolioFiltersSchema>;

/** The use-case list's filters: the portfolio's plus stage, status and the text search (the list, its export, a bulk edit). */
export const UseCaseFiltersSchema = z
  .object({
    stage: z.enum(STAGES).optional(),
    status: z.enum(STATUSES).optional(),
    q: z.string().trim().max(200).optional(),
    ...PortfolioFiltersSchema.shape,
  })
  .strict();

export const FILTER_KEYS = ["team", "benefitArea", "sponsor", "owner", "from", "to", "riskTier", "tag"] as const;

/** Filters a query may repeat (`?tag=a&tag=b`): their values are joined with commas. */
export const REPEATABLE_FILTER_KEYS: ReadonlySet<string> = new Set(["tag"]);

/** The filters present in a URL's query (empty values dropped), unvalidated. */
export function filtersFromSearch(search: Record<string, string | string[] | undefined>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = search[key];
    const text = Array.isArray(value) ? (REPEATABLE_FILTER_KEYS.has(key) ? value.join(",") : value[0]) : value;
    if (text) picked[key] = text;
  }
  return picked;
}

/** "team=Retail&owner=…": the query string of these filters plus extra parameters, for links. */
export function filterQuery(filters: PortfolioFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}
