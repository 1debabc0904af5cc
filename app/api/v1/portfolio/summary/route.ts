import { requestQuery } from "@/lib/query-params";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { cachedPortfolioSummary } from "@/server/portfolio/cached-summary";

export const dynamic = "force-dynamic";

/** `?team=&benefitArea=&sponsor=&owner=&from=&to=`: the portfolio's figures for those use cases (unknown parameters: 422). */
export const GET = apiRoute(async ({ request, actor }) => {
  return json(await cachedPortfolioSummary(actor, requestQuery(request)));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
