import { otherMethods } from "@/server/http/other-methods";
import { problem } from "@/server/http/problem";
import { metrics, metricsAccess } from "@/server/metrics/metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint (docs/operations.md): off unless ROADBOOK_METRICS_TOKEN is set. */
export async function GET(request: Request) {
  const access = metricsAccess(request);
  if (access === undefined)
    return problem(404, "Not Found", "Metrics are off: set ROADBOOK_METRICS_TOKEN to turn them on.");
  if (!access)
    return problem(401, "Unauthorized", "Send the metrics token: Authorization: Bearer <ROADBOOK_METRICS_TOKEN>.", {
      headers: { "www-authenticate": 'Bearer realm="roadbook-metrics"' },
    });
  return new Response(await metrics.registry.metrics(), {
    headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
