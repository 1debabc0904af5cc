import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path";

const origin = "https://roadbook.example.com";

describe("sameOriginPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(sameOriginPath("/use-cases/UC-12?tab=gates#review", origin)).toBe("/use-cases/UC-12?tab=gates#review");
    expect(sameOriginPath("https://roadbook.example.com/reviews", origin)).toBe("/reviews");
    expect(sameOriginPath("reviews", origin)).toBe("/reviews");
  });

  it("refuses every target a browser would read as another site", () => {
    for (const target of [
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "//evil.example",
      "\\\\evil.example",
      "/\\/evil.example",
      "///evil.example",
      "https://evil.example/",
      "http://roadbook.example.com/",
      "https://roadbook.example.com.evil.example/",
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "",
      undefined,
    ])
      expect(sameOriginPath(target, origin), JSON.stringify(target)).toBe("/");
  });

  it("never returns a path a browser could read as another host", () => {
    // Same origin, but the path starts with "//": the result must not be scheme-relative.
    const path = sameOriginPath("https://roadbook.example.com//evil.example/x", origin);
    expect(path).toBe("/evil.example/x");
    expect(new URL(path, "https://elsewhere.test").host).toBe("elsewhere.test");
  });
});
