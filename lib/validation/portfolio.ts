// Portfolio filters: the dashboard, the use-case list, the CSV export and the API share them (all in the URL).
import { z } from "zod";
import { BENEFIT_AREAS } from "../lifecycle";
import { RISK_TIERS } from "../risk-screening";

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
  })
  .strict();
export type PortfolioFilters = z.infer<typeof PortfolioFiltersSchema>;

export const FILTER_KEYS = ["team", "benefitArea", "sponsor", "owner", "from", "to", "riskTier"] as const;

/** The filters present in a URL's query (empty values dropped), unvalidated. */
export function filtersFromSearch(search: Record<string, string | string[] | undefined>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = search[key];
    const text = Array.isArray(value) ? value[0] : value;
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
