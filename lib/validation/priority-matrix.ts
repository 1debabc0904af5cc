// The priority matrix's filters: the dashboard's portfolio filters, the list's stage and status,
// and one quadrant. All in the URL.
import { z } from "zod";
import { STAGES, STATUSES } from "../lifecycle";
import { QUADRANTS } from "../priority-matrix";
import { FILTER_KEYS, PortfolioFiltersSchema } from "./portfolio";

export const PriorityMatrixQuerySchema = z
  .object({
    ...PortfolioFiltersSchema.shape,
    stage: z.enum(STAGES).optional(),
    /** Stopped use cases are left out unless asked for by this filter. */
    status: z.enum(STATUSES).optional(),
    quadrant: z.enum(QUADRANTS).optional(),
  })
  .strict();
export type PriorityMatrixQuery = z.infer<typeof PriorityMatrixQuerySchema>;

export const MATRIX_FILTER_KEYS = [...FILTER_KEYS, "stage", "status", "quadrant"] as const;

/** The matrix's filters present in a URL's query (empty values dropped), unvalidated. */
export function matrixFiltersFromSearch(search: Record<string, string | string[] | undefined>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of MATRIX_FILTER_KEYS) {
    const value = search[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (text) picked[key] = text;
  }
  return picked;
}

/** The query string of these filters plus extra parameters (a quadrant's link), for links. */
export function matrixQuery(filters: PriorityMatrixQuery, extra: Partial<Record<string, string | null>> = {}): string {
  const params = new URLSearchParams();
  for (const key of MATRIX_FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  return params.toString();
}
