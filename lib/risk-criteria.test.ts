import { describe, expect, it } from "vitest";
import { decidersFor, evaluateCriteria, GATES, type GateFacts } from "./lifecycle";
import { missingHighRiskFields } from "./model-card";
import { gateVoteRefusal } from "./permissions";
import type { AssessmentStatus, RiskTier } from "./risk-screening";

type RiskFacts = GateFacts["risk"];
const EMPTY_CARD = missingHighRiskFields(null);

const facts = (
  tier: RiskTier | null,
  status: AssessmentStatus | null = "SUBMITTED",
  more: Partial<Omit<RiskFacts, "tier" | "status">> = {},
) =>
  ({
    useCase: { output: "o", outcome: "o", benefitArea: "COST_REDUCTION", ebitdaBase: "1.00", pocResult: "p" },
    checklist: { PROTOTYPE: { total: 1, open: 0, signedOff: true }, PACKAGING: { total: 1, open: 0, signedOff: true } },
    feedbackCount: 1,
    estimateRevisions: { PROTOTYPE: 1 },
    productionServices: 1,
    risk: { tier, status, transparencyNotice: false, modelCardMissing: [], unmitigatedSevere: 0, ...more },
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
    ["G1", facts("HIGH", "SUBMITTED", { modelCardMissing: EMPTY_CARD, unmitigatedSevere: 2 }), []],
    ["G1", facts("UNACCEPTABLE"), ["riskNotProhibited"]],
    ["G2", facts("UNACCEPTABLE", "APPROVED"), ["riskNotProhibited"]],
    ["G3", facts("UNACCEPTABLE", "APPROVED"), ["riskNotProhibited"]],
    ["G2", facts("HIGH", "SUBMITTED"), ["riskApproved"]],
    ["G2", facts("HIGH", "APPROVED"), []],
    [
      "G2",
      facts("HIGH", "SUBMITTED", { modelCardMissing: EMPTY_CARD, unmitigatedSevere: 1 }),
      ["riskApproved", "riskModelCard", "riskRegister"],
    ],
    ["G3", facts("HIGH", "APPROVED", { modelCardMissing: ["Monitoring"] }), ["riskModelCard"]],
    ["G3", facts("HIGH", "DRAFT"), ["riskApproved"]],
    ["G2", facts("LIMITED"), ["riskTransparency"]],
    ["G2", facts("LIMITED", "SUBMITTED", { transparencyNotice: true }), []],
    ["G2", facts("LIMITED", "SUBMITTED", { transparencyNotice: true, modelCardMissing: EMPTY_CARD }), []],
    ["G2", facts("MINIMAL", "SUBMITTED", { modelCardMissing: EMPTY_CARD, unmitigatedSevere: 3 }), []],
    ["G3", facts("MINIMAL", "DRAFT"), []],
  ] as const)("%s with %o: unmet %o", (id, f, expected) => {
    expect(unmet(id, f)).toEqual(expected);
  });

  it("says why a high-risk screening holds the gate, naming the model card's empty fields", () => {
    const results = evaluateCriteria(
      gate("G2"),
      facts("HIGH", "SUBMITTED", { modelCardMissing: ["Intended use", "Monitoring"], unmitigatedSevere: 1 }),
    );
    expect(results.find((c) => c.id === "riskApproved")?.message).toMatch(/waits for a risk officer's approval/);
    expect(results.find((c) => c.id === "riskModelCard")?.message).toBe(
      "High risk: fill the model card's Intended use, Monitoring.",
    );
    expect(results.find((c) => c.id === "riskRegister")?.message).toMatch(/1 open risk scores 15 or more/);
  });

  it("adds the risk officer to G3's deciders for a high-risk use case only", () => {
    expect(decidersFor(gate("G3"), "HIGH")).toEqual(["IT", "BUSINESS", "RISK"]);
    for (const tier of ["MINIMAL", "LIMITED", null] as const)
      expect(decidersFor(gate("G3"), tier)).toEqual(["IT", "BUSINESS"]);
    expect(decidersFor(gate("G2"), "HIGH")).toEqual(["BUSINESS", "IT"]);
    const officer = { id: "rita", role: "RISK" as const };
    const review = { requestedById: "dana", sponsorId: null };
    expect(gateVoteRefusal(officer, gate("G3"), { ...review, riskTier: "HIGH" })).toBeNull();
    expect(gateVoteRefusal(officer, gate("G3"), { ...review, riskTier: "LIMITED" })).toBe("role");
    expect(gateVoteRefusal(officer, gate("G2"), { ...review, riskTier: "HIGH" })).toBe("role");
  });
});
