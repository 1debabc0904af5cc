import { describe, expect, it } from "vitest";
import { evaluateCriteria, GATES, type GateFacts } from "./lifecycle";
import type { AssessmentStatus, RiskTier } from "./risk-screening";

const facts = (tier: RiskTier | null, status: AssessmentStatus | null = "SUBMITTED", transparencyNotice = false) =>
  ({
    useCase: { output: "o", outcome: "o", benefitArea: "COST_REDUCTION", ebitdaBase: "1.00", pocResult: "p" },
    checklist: { PROTOTYPE: { total: 1, open: 0, signedOff: true }, PACKAGING: { total: 1, open: 0, signedOff: true } },
    feedbackCount: 1,
    estimateRevisions: { PROTOTYPE: 1 },
    productionServices: 1,
    risk: { tier, status, transparencyNotice },
  }) satisfies GateFacts;

function gate(id: "G1" | "G2" | "G3") {
  const found = GATES.find((g) => g.id === id);
  if (!found) throw new Error(`no gate ${id}`);
  return found;
}

const unmet = (id: "G1" | "G2" | "G3", f: GateFacts) =>
  evaluateCriteria(gate(id), f)
    .filter((c) => !c.met)
    .map((c) => c.id);

describe("gate criteria per risk tier", () => {
  it.each([
    ["G1", facts(null, null), ["riskScreened"]],
    ["G1", facts("HIGH"), []],
    ["G1", facts("UNACCEPTABLE"), ["riskNotProhibited"]],
    ["G2", facts("UNACCEPTABLE", "APPROVED"), ["riskNotProhibited"]],
    ["G3", facts("UNACCEPTABLE", "APPROVED"), ["riskNotProhibited"]],
    ["G2", facts("HIGH", "SUBMITTED"), ["riskApproved"]],
    ["G2", facts("HIGH", "APPROVED"), []],
    ["G3", facts("HIGH", "DRAFT"), ["riskApproved"]],
    ["G2", facts("LIMITED"), ["riskTransparency"]],
    ["G2", facts("LIMITED", "SUBMITTED", true), []],
    ["G2", facts("MINIMAL", "SUBMITTED"), []],
    ["G3", facts("MINIMAL", "DRAFT"), []],
  ] as const)("%s with %o: unmet %o", (id, f, expected) => {
    expect(unmet(id, f)).toEqual(expected);
  });

  it("says why a high-risk screening holds the gate", () => {
    const results = evaluateCriteria(gate("G2"), facts("HIGH", "SUBMITTED"));
    expect(results.find((c) => c.id === "riskApproved")?.message).toMatch(/waits for a risk officer's approval/);
  });
});
