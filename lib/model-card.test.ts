import { describe, expect, it } from "vitest";
import { EMPTY_MODEL_CARD, MODEL_CARD_FIELDS, missingHighRiskFields } from "./model-card";
import { isUnmitigatedSevere, riskScore, scoreBand } from "./risk-register";

describe("the model card's high-risk fields", () => {
  it("names every required field of an empty card, and none of a full one", () => {
    const required = MODEL_CARD_FIELDS.filter((f) => f.requiredForHigh).map((f) => f.heading);
    expect(missingHighRiskFields(null)).toEqual(required);
    expect(missingHighRiskFields(EMPTY_MODEL_CARD)).toEqual(required);
    const full = Object.fromEntries(MODEL_CARD_FIELDS.map((f) => [f.id, "x"]));
    expect(missingHighRiskFields(full)).toEqual([]);
    expect(missingHighRiskFields({ ...full, monitoring: "   ", ethicalConsiderations: "" })).toEqual(["Monitoring"]);
  });
});

describe("risk scores", () => {
  it.each([
    [{ likelihood: 3, impact: 5, status: "OPEN", mitigation: "" }, 15, "severe", true],
    [{ likelihood: 3, impact: 5, status: "OPEN", mitigation: "Human review" }, 15, "severe", false],
    [{ likelihood: 5, impact: 5, status: "ACCEPTED", mitigation: "" }, 25, "severe", false],
    [{ likelihood: 3, impact: 4, status: "OPEN", mitigation: "" }, 12, "high", false],
    [{ likelihood: 1, impact: 4, status: "OPEN", mitigation: "" }, 4, "low", false],
  ] as const)("%o scores %i (%s), unmitigated severe: %s", (risk, score, band, severe) => {
    expect(riskScore(risk)).toBe(score);
    expect(scoreBand(score)).toBe(band);
    expect(isUnmitigatedSevere(risk)).toBe(severe);
  });
});
