import { afterEach, describe, expect, it } from "vitest";
import { metricsAccess, routeLabel } from "./metrics";

describe("metrics", () => {
  afterEach(() => {
    delete process.env.ROADBOOK_METRICS_TOKEN;
  });

  it("labels routes with placeholders for keys and ids, so label values stay few", () => {
    expect(routeLabel("/api/v1/use-cases/UC-12/gates")).toBe("/api/v1/use-cases/{key}/gates");
    expect(routeLabel("/api/v1/gates/cmifx0abc123def456ghi/decisions")).toBe("/api/v1/gates/{id}/decisions");
    expect(routeLabel("/api/v1/checklist-templates/PACKAGING")).toBe("/api/v1/checklist-templates/PACKAGING");
    expect(routeLabel("/api/v1/portfolio/summary")).toBe("/api/v1/portfolio/summary");
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
