import { describe, expect, it } from "vitest";
import { reviewOutcome } from "./lifecycle";

describe("a review's outcome", () => {
  const deciders = ["BUSINESS", "IT"] as const;

  it("stays open until every required decider has let it through", () => {
    expect(reviewOutcome(deciders, [])).toBeNull();
    expect(reviewOutcome(deciders, [{ role: "BUSINESS", decision: "GO" }])).toBeNull();
    expect(reviewOutcome(["BUSINESS"], [{ role: "BUSINESS", decision: "GO" }])).toBe("GO");
  });

  it("passes with GO, or with conditions when any vote had them", () => {
    expect(
      reviewOutcome(deciders, [
        { role: "BUSINESS", decision: "GO" },
        { role: "IT", decision: "GO" },
      ]),
    ).toBe("GO");
    expect(
      reviewOutcome(deciders, [
        { role: "BUSINESS", decision: "CONDITIONAL_GO" },
        { role: "IT", decision: "GO" },
      ]),
    ).toBe("CONDITIONAL_GO");
  });

  it("closes at once on a PAUSE or STOP, whoever else has voted", () => {
    expect(reviewOutcome(deciders, [{ role: "IT", decision: "PAUSE" }])).toBe("PAUSE");
    expect(
      reviewOutcome(deciders, [
        { role: "BUSINESS", decision: "GO" },
        { role: "IT", decision: "STOP" },
      ]),
    ).toBe("STOP");
  });
});
