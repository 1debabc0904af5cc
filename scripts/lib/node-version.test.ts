import { describe, expect, it } from "vitest";
import { unsupportedNodeWarning } from "./node-version.ts";

describe("unsupportedNodeWarning", () => {
  it("says nothing on Node 24 and on Node 22.12 or later", () => {
    expect(unsupportedNodeWarning("24.22.3")).toBeNull();
    expect(unsupportedNodeWarning("22.12.0")).toBeNull();
    expect(unsupportedNodeWarning("26.0.0")).toBeNull();
  });

  it("says Node 20 is end-of-life, in one line", () => {
    const warning = unsupportedNodeWarning("20.20.2");
    expect(warning).toMatch(/Node\.js 20 is end-of-life and unsupported/);
    expect(warning).not.toContain("\n");
  });

  it("calls an older 22 unsupported", () => {
    expect(unsupportedNodeWarning("22.11.0")).toMatch(/Node\.js 22\.11\.0 is unsupported/);
  });
});
