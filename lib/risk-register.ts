// The risk register as data: categories, statuses, the 1-5 scales and the score (likelihood ×
// impact), and the score from which an open risk must have a mitigation before G2 for a
// high-risk use case (lib/risk-criteria.ts).

export const RISK_CATEGORIES = [
  "BIAS_FAIRNESS",
  "PRIVACY",
  "SECURITY",
  "ROBUSTNESS",
  "TRANSPARENCY",
  "LEGAL",
  "OPERATIONAL",
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];
export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = {
  BIAS_FAIRNESS: "Bias and fairness",
  PRIVACY: "Privacy",
  SECURITY: "Security",
  ROBUSTNESS: "Robustness",
  TRANSPARENCY: "Transparency",
  LEGAL: "Legal",
  OPERATIONAL: "Operational",
};

export const RISK_STATUSES = ["OPEN", "MITIGATED", "ACCEPTED"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const RISK_STATUS_LABELS: Record<RiskStatus, string> = {
  OPEN: "Open",
  MITIGATED: "Mitigated",
  ACCEPTED: "Accepted",
};

/** Likelihood and impact, 1 (rare, negligible) to 5 (almost certain, severe). */
export const RISK_SCALE = [1, 2, 3, 4, 5] as const;
export const LIKELIHOOD_LABELS = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"] as const;
export const IMPACT_LABELS = ["Negligible", "Minor", "Moderate", "Major", "Severe"] as const;

/** From this score an open risk of a high-risk use case needs a mitigation before G2. */
export const SEVERE_SCORE = 15;

export const riskScore = (risk: { likelihood: number; impact: number }) => risk.likelihood * risk.impact;

/** An open risk at or above the severe score with no mitigation written. */
export const isUnmitigatedSevere = (risk: {
  status: RiskStatus;
  likelihood: number;
  impact: number;
  mitigation: string;
}) => risk.status === "OPEN" && riskScore(risk) >= SEVERE_SCORE && !risk.mitigation.trim();

/** Low (1-4), medium (5-9), high (10-14), severe (15-25): the heat map's colour bands. */
export function scoreBand(score: number): "low" | "medium" | "high" | "severe" {
  if (score >= SEVERE_SCORE) return "severe";
  if (score >= 10) return "high";
  if (score >= 5) return "medium";
  return "low";
}
