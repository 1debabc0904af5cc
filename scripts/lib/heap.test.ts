import { describe, expect, it } from "vitest";
import { withHeapCap } from "./heap";

describe("withHeapCap", () => {
  it("adds the old-space and semi-space caps to what is there", () => {
    expect(withHeapCap(undefined)).toBe("--max-old-space-size=512 --max-semi-space-size=16");
    expect(withHeapCap("--enable-source-maps")).toBe(
      "--enable-source-maps --max-old-space-size=512 --max-semi-space-size=16",
    );
  });

  it("keeps an operator's own value of either cap", () => {
    expect(withHeapCap("--max-old-space-size=2048")).toBe("--max-old-space-size=2048 --max-semi-space-size=16");
    expect(withHeapCap("--max-semi-space-size=64")).toBe("--max-semi-space-size=64 --max-old-space-size=512");
  });
});
