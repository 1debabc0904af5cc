import { describe, expect, it } from "vitest";
import { GET } from "./route";

// The route handler of the OpenAPI document (server/openapi/openapi.test.ts checks the document).
describe("GET /api/v1/openapi.json", () => {
  it("is served publicly with a cache header", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(((await response.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });
});
