// The gate criteria that follow the risk tier (spread into GATES in lib/lifecycle.ts). They
// are computed from the record like every criterion: a tier raised after a gate was passed
// shows at once as unmet at the next gate, nothing is grandfathered.
import type { Criterion } from "./lifecycle";

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

export const RISK_CRITERIA = {
  G1: [screened, notProhibited],
  G2: [notProhibited, highRiskApproved, transparency],
  G3: [notProhibited, highRiskApproved],
} as const satisfies Record<"G1" | "G2" | "G3", readonly Criterion[]>;
