import { describe, expect, it } from "vitest";
import { formatConversion, funnelWithConversion } from "./funnel";

describe("funnel conversion", () => {
  it("gives each stage the share of the previous stage that reached it", () => {
    const figures = funnelWithConversion([
      { stage: "POC", reached: 20 },
      { stage: "PROTOTYPE", reached: 12 },
      { stage: "PACKAGING", reached: 5 },
      { stage: "PRODUCTION", reached: 2 },
    ]);
    expect(figures.map((f) => f.conversion)).toEqual([null, 60, 41.7, 40]);
    expect(figures.map((f) => f.reached)).toEqual([20, 12, 5, 2]);
  });

  it("has no conversion after an empty stage, rather than dividing by zero", () => {
    const figures = funnelWithConversion([
      { stage: "POC", reached: 0 },
      { stage: "PROTOTYPE", reached: 0 },
    ]);
    expect(figures.map((f) => f.conversion)).toEqual([null, null]);
  });

  it("formats the rate in the user's locale", () => {
    expect(formatConversion(41.7, "en-US")).toBe("41.7%");
    expect(formatConversion(41.7, "de-DE")).toBe("41,7\u00a0%");
    // fr-FR's space before % is a no-break space of a width that depends on the ICU version
    expect(formatConversion(60, "fr-FR")).toMatch(/^60[\u00a0\u202f]%$/u);
    expect(formatConversion(null, "en-US")).toBe("—");
  });
});
