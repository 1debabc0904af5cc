import "server-only";
import { timingSafeEqual } from "node:crypto";
import client from "prom-client";
import { dbPool } from "../db";
import { env } from "../env";
import { ENDPOINTS } from "../openapi/paths";

// Roadbook's own metrics in Prometheus' format (prom-client). One registry per process, kept on
// globalThis because Next.js may load this module in more than one bundle (route handlers,
// instrumentation). deploy/grafana/dashboards/roadbook.json charts these names.
function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "roadbook_" });
  return {
    registry,
    httpRequests: new client.Counter({
      name: "roadbook_http_requests_total",
      help: "API requests answered, by route, method and status.",
      labelNames: ["route", "method", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: "roadbook_http_request_duration_seconds",
      help: "Time to answer an API request, by route and method.",
      labelNames: ["route", "method"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    gateDecisions: new client.Counter({
      name: "roadbook_gate_decisions_total",
      help: "Gate reviews decided, by gate and outcome.",
      labelNames: ["gate", "decision"] as const,
      registers: [registry],
    }),
    probeResults: new client.Counter({
      name: "roadbook_probe_results_total",
      help: "Health probes of deployed services, by result.",
      labelNames: ["health"] as const,
      registers: [registry],
    }),
    dbPool: new client.Gauge({
      name: "roadbook_db_pool_connections",
      help: "PostgreSQL connections of this process' pool: total, idle, and requests waiting for one.",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        this.set({ state: "total" }, dbPool.totalCount);
        this.set({ state: "idle" }, dbPool.idleCount);
        this.set({ state: "waiting" }, dbPool.waitingCount);
      },
    }),
  };
}

const globalForMetrics = globalThis as { roadbookMetrics?: ReturnType<typeof createMetrics> };
globalForMetrics.roadbookMetrics ??= createMetrics();
export const metrics = globalForMetrics.roadbookMetrics;

/** The label of a request whose path matches no documented endpoint (one series, however many paths). */
export const UNMATCHED_ROUTE = "unmatched";

// The route templates of the API, from the one registry of its endpoints (server/openapi), most
// specific first: `/checklist/sign-off` is tried before `/checklist/{itemId}`.
const ROUTE_TEMPLATES = [...new Set(ENDPOINTS.map((endpoint) => endpoint.path))]
  .map((template) => ({ template, segments: template.split("/") }))
  .sort((a, b) => params(a.segments) - params(b.segments));

function params(segments: string[]): number {
  return segments.filter((segment) => segment.startsWith("{")).length;
}

/**
 * The route label of a request path: its endpoint's template (`/api/v1/use-cases/{key}/gates`),
 * or "unmatched". Never a piece of the path itself, so a client sending random paths (signed in or
 * not) cannot create new series: the label values are the documented routes plus one.
 */
export function routeLabel(pathname: string): string {
  const segments = pathname.split("/");
  const match = ROUTE_TEMPLATES.find(
    (route) =>
      route.segments.length === segments.length &&
      route.segments.every((part, i) => (part.startsWith("{") ? segments[i] !== "" : part === segments[i])),
  );
  return match?.template ?? UNMATCHED_ROUTE;
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const methodLabel = (method: string) => (METHODS.has(method) ? method : "OTHER");

/** Count and time one answered API request. */
export function observeRequest(request: Request, status: number, startedAt: number): void {
  const route = routeLabel(new URL(request.url).pathname);
  const method = methodLabel(request.method);
  metrics.httpRequests.inc({ route, method, status: String(status) });
  metrics.httpDuration.observe({ route, method }, (performance.now() - startedAt) / 1000);
}

/**
 * Whether a scrape may read the metrics: only with `Authorization: Bearer $ROADBOOK_METRICS_TOKEN`;
 * with no token configured the endpoint is off (undefined: answer 404).
 */
export function metricsAccess(request: Request): boolean | undefined {
  const expected = env().ROADBOOK_METRICS_TOKEN;
  if (!expected) return undefined;
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
