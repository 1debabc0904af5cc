// The gate criteria that follow the risk tier (spread into GATES in lib/lifecycle.ts). They
// are computed from the record like every criterion: a tier raised after a gate was passed
// shows at once as unmet at the next gate, nothing is grandfathered.
import type { Criterion } from "./lifecycle";
import { SEVERE_SCORE } from "./risk-register";

const screened: Criterion = {
  id: "riskScreened",
  label: "Risk screening submitted",
  unmet: () => "Answer and submit the risk screening: its tier decides what the later gates ask for.",
  fix: "risk",
  met: (f) => f.risk.tier != null,
};

const notProhibited: Criterion = {
  id: "riskNotProhibited",
  label: "No prohibited AI practice",
  unmet: () =>
    "The risk screening found a prohibited practice (EU AI Act, Article 5): no gate can pass while the tier is Unacceptable.",
  fix: "risk",
  met: (f) => f.risk.tier !== "UNACCEPTABLE",
};

const highRiskApproved: Criterion = {
  id: "riskApproved",
  label: "Risk screening approved where the tier needs it (high risk)",
  unmet: (f) =>
    f.risk.status === "SUBMITTED"
      ? "High risk: the risk screening waits for a risk officer's approval."
      : "High risk: the risk screening must be approved by a risk officer (tier raised since: submit it again for review).",
  fix: "risk",
  met: (f) => f.risk.tier !== "HIGH" || f.risk.status === "APPROVED",
};

const transparency: Criterion = {
  id: "riskTransparency",
  label: "Transparency notice described where the tier needs it (limited risk)",
  unmet: () =>
    "Limited risk: say in the risk screening how people are told they deal with an AI system or generated content.",
  fix: "risk",
  met: (f) => f.risk.tier !== "LIMITED" || f.risk.transparencyNotice,
};

const modelCard: Criterion = {
  id: "riskModelCard",
  label: "Model card complete where the tier needs it (high risk)",
  unmet: (f) => `High risk: fill the model card's ${f.risk.modelCardMissing.join(", ")}.`,
  fix: "model-card",
  met: (f) => f.risk.tier !== "HIGH" || f.risk.modelCardMissing.length === 0,
};

const severeRisksMitigated: Criterion = {
  id: "riskRegister",
  label: `Every open risk scoring ${SEVERE_SCORE} or more has a mitigation (high risk)`,
  unmet: (f) =>
    `High risk: ${f.risk.unmitigatedSevere} open ${f.risk.unmitigatedSevere === 1 ? "risk scores" : "risks score"} ${SEVERE_SCORE} or more with no mitigation: write one, or have it accepted.`,
  fix: "risk",
  met: (f) => f.risk.tier !== "HIGH" || f.risk.unmitigatedSevere === 0,
};

// G3 asks again for what G2 asked of a high-risk use case: a tier raised in packaging
// re-opens those criteria there ("tier raised, G3 criteria now unmet"), none is grandfathered.
export const RISK_CRITERIA = {
  G1: [screened, notProhibited],
  G2: [notProhibited, highRiskApproved, transparency, modelCard, severeRisksMitigated],
  G3: [notProhibited, highRiskApproved, transparency, modelCard, severeRisksMitigated],
} as const satisfies Record<"G1" | "G2" | "G3", readonly Criterion[]>;
