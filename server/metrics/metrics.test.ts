import { afterEach, describe, expect, it } from "vitest";
import { metricsAccess, routeLabel, UNMATCHED_ROUTE } from "./metrics";

describe("metrics", () => {
  afterEach(() => {
    delete process.env.ROADBOOK_METRICS_TOKEN;
  });

  it("labels a request by its endpoint's route template, so label values stay few", () => {
    expect(routeLabel("/api/v1/use-cases/UC-12/gates")).toBe("/api/v1/use-cases/{key}/gates");
    expect(routeLabel("/api/v1/gates/cmifx0abc123def456ghi/decisions")).toBe("/api/v1/gates/{id}/decisions");
    expect(routeLabel("/api/v1/checklist-templates/PACKAGING")).toBe("/api/v1/checklist-templates/{stage}");
    expect(routeLabel("/api/v1/use-cases/UC-1/checklist/sign-off")).toBe("/api/v1/use-cases/{key}/checklist/sign-off");
    expect(routeLabel("/api/v1/use-cases/UC-1/checklist/abc")).toBe("/api/v1/use-cases/{key}/checklist/{itemId}");
    expect(routeLabel("/api/v1/portfolio/summary")).toBe("/api/v1/portfolio/summary");
  });

  it("never keeps a piece of the path: unknown values become the template, unknown routes one label", () => {
    expect(routeLabel("/api/v1/use-cases/not-a-key-at-all")).toBe("/api/v1/use-cases/{key}");
    expect(routeLabel("/api/v1/users/whatever")).toBe("/api/v1/users/{id}");
    for (const path of ["/api/v1/nope", "/api/v1/use-cases/UC-1/nope", "/api/v1/use-cases//gates", "/api/v2/x", "/"])
      expect(routeLabel(path), path).toBe(UNMATCHED_ROUTE);
  });

  it("is off without a token, and needs exactly that token when one is set", () => {
    const request = (authorization?: string) =>
      new Request("http://x/api/metrics", { headers: authorization ? { authorization } : {} });
    expect(metricsAccess(request("Bearer anything"))).toBeUndefined();
    process.env.ROADBOOK_METRICS_TOKEN = "s3cret-token";
    expect(metricsAccess(request())).toBe(false);
    expect(metricsAccess(request("Bearer s3cret-tokeN"))).toBe(false);
    expect(metricsAccess(request("Bearer s3cret-token-longer"))).toBe(false);
    expect(metricsAccess(request("Basic s3cret-token"))).toBe(false);
    expect(metricsAccess(request("Bearer s3cret-token"))).toBe(true);
  });
});
