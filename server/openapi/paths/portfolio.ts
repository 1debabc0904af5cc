// Figures over the whole portfolio. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { PortfolioFiltersSchema } from "@/lib/validation/portfolio";
import type { Endpoint } from "../endpoint";
import { PortfolioSummaryResponse } from "../schemas/portfolio";

export const PORTFOLIO_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/portfolio/summary",
    operationId: "getPortfolioSummary",
    summary: "Portfolio figures",
    description:
      "Counts, money (decimal strings in the organisation currency), conversion per gate and time in stage, for the use cases matching the filters. Unknown parameters: 422.",
    tag: "Portfolio",
    query: PortfolioFiltersSchema,
    success: { status: 200, description: "The figures.", schema: PortfolioSummaryResponse },
    errors: [401, 403, 422],
  },
];
