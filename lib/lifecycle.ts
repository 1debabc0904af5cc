// The roadbook's lifecycle as data: stages, statuses, benefit areas and their labels.

import { RISK_CRITERIA } from "./risk-criteria";
import type { AssessmentStatus, RiskTier } from "./risk-screening";
// Gates and their entry criteria are declared here too as they arrive (see docs/decisions).

export const STAGES = ["POC", "PROTOTYPE", "PACKAGING", "PRODUCTION"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  POC: "POC",
  PROTOTYPE: "Prototype",
  PACKAGING: "Packaging & preparing",
  PRODUCTION: "Production",
};

export const STAGE_DESCRIPTIONS: Record<Stage, string> = {
  POC: "Frame the need, define output and outcome, qualify the data, estimate the value range.",
  PROTOTYPE: "A functional pilot with IT: architecture, data sources, automation, monitoring, user feedback.",
  PACKAGING: "Clean, package and prepare the code for industrialisation; hand over to IT.",
  PRODUCTION: "The model runs for its users; realised value is tracked against the estimate.",
};

export const STATUSES = ["ACTIVE", "PAUSED", "STOPPED"] as const;
export type UseCaseStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<UseCaseStatus, string> = {
  ACTIVE: "Active",
  PAUSED: "Paused",
  STOPPED: "Stopped",
};

export const BENEFIT_AREAS = ["REVENUE_GROWTH", "COST_REDUCTION"] as const;
export type BenefitArea = (typeof BENEFIT_AREAS)[number];
export const BENEFIT_AREA_LABELS: Record<BenefitArea, string> = {
  REVENUE_GROWTH: "Revenue growth",
  COST_REDUCTION: "Cost reduction",
};

export const ROLES = ["ADMIN", "BUSINESS", "DATA_SCIENTIST", "IT", "RISK"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  BUSINESS: "Business",
  DATA_SCIENTIST: "Data scientist",
  IT: "IT",
  RISK: "Risk & compliance",
};

export function formatKey(number: number): string {
  return `UC-${number}`;
}

/** "UC-12" (any case) -> 12; null when it is not a use-case key. */
export function parseKey(key: string): number | null {
  const match = /^UC-(\d{1,9})$/i.exec(key.trim());
  return match ? Number(match[1]) : null;
}

// ---------------------------------------------------------------------------
// Gates: the resting points between stages, their deciders and entry criteria.
// Criteria are computed from the record (GateFacts), never ticked by hand.

export const DECISIONS = ["GO", "CONDITIONAL_GO", "PAUSE", "STOP"] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  GO: "Go",
  CONDITIONAL_GO: "Go with conditions",
  PAUSE: "Pause",
  STOP: "Stop",
};
/** Votes that let the use case through. */
export const PASSING_DECISIONS: readonly Decision[] = ["GO", "CONDITIONAL_GO"];

/**
 * What a review's votes decide: the first PAUSE or STOP closes it with that decision; once
 * every required decider has voted GO or CONDITIONAL_GO it passes (CONDITIONAL_GO when any
 * vote had conditions, else GO); otherwise it stays open (null).
 */
export function reviewOutcome(
  deciders: readonly Role[],
  votes: readonly { role: Role; decision: Decision }[],
): Decision | null {
  const refusal = votes.find((vote) => !PASSING_DECISIONS.includes(vote.decision));
  if (refusal) return refusal.decision;
  const allPassed = deciders.every((role) => votes.some((vote) => vote.role === role));
  if (!allPassed) return null;
  return votes.some((vote) => vote.decision === "CONDITIONAL_GO") ? "CONDITIONAL_GO" : "GO";
}

export const STOP_REASONS = [
  "NO_VALUE",
  "DATA_QUALITY",
  "TECHNICALLY_INFEASIBLE",
  "NO_SPONSOR",
  "PRIORITIES_CHANGED",
  "OTHER",
] as const;
export type StopReason = (typeof STOP_REASONS)[number];
export const STOP_REASON_LABELS: Record<StopReason, string> = {
  NO_VALUE: "No value",
  DATA_QUALITY: "Data quality",
  TECHNICALLY_INFEASIBLE: "Technically infeasible",
  NO_SPONSOR: "No sponsor",
  PRIORITIES_CHANGED: "Priorities changed",
  OTHER: "Other",
};

export const GATE_STATUSES = ["OPEN", "DECIDED", "CANCELLED"] as const;
export type GateStatus = (typeof GATE_STATUSES)[number];

/** What the criteria are computed from; loaded by server/gates/load-gate-facts.ts. */
export type GateFacts = {
  useCase: {
    output: string;
    outcome: string;
    benefitArea: BenefitArea | null;
    ebitdaBase: string | null;
    pocResult: string;
  };
  /** Per checklist stage: items, items not DONE or NOT_APPLICABLE, and IT's sign-off. */
  checklist: Record<"PROTOTYPE" | "PACKAGING", { total: number; open: number; signedOff: boolean }>;
  feedbackCount: number;
  /** Value-estimate revisions made while the use case was in each stage. */
  estimateRevisions: Partial<Record<Stage, number>>;
  productionServices: number;
  /**
   * The risk: the use case's tier (the last submitted screening), its review status, the
   * transparency answer; the model card's high-risk fields still empty (their headings); how
   * many open risks of the register score at least 15 with no mitigation.
   */
  risk: {
    tier: RiskTier | null;
    status: AssessmentStatus | null;
    transparencyNotice: boolean;
    modelCardMissing: readonly string[];
    unmitigatedSevere: number;
  };
};

/** Where on the use-case page a criterion is fixed ("risk": the risk screening page). */
export type FixSection = "details" | "value" | "checklist" | "feedback" | "services" | "risk" | "model-card";

export type Criterion = {
  id: string;
  /** The criterion, as met. */
  label: string;
  /** What is missing, in plain words, when it is not met. */
  unmet: (facts: GateFacts) => string;
  fix: FixSection;
  met: (facts: GateFacts) => boolean;
};

export type GateDefinition = {
  id: "G1" | "G2" | "G3";
  from: Stage;
  to: Stage;
  name: string;
  /** Every one of these roles must vote GO or CONDITIONAL_GO for the gate to pass. */
  deciders: readonly Role[];
  /** Roles that decide too when the use case has the tier (see `decidersFor`). */
  tierDeciders?: Partial<Record<RiskTier, readonly Role[]>>;
  /**
   * May the use case's own sponsor cast the gate's business vote? Yes at every gate: the
   * sponsor answers for the value, and is the business voice the gate asks for. Independence
   * comes from elsewhere: whoever requested a review never decides it (a sponsor who owns the
   * use case and asked for its review may not vote on it), and G2 and G3 need IT's vote too.
   * Enforced by `gateVoteRefusal` (lib/permissions.ts).
   */
  sponsorMayDecide: boolean;
  criteria: readonly Criterion[];
};

const filled = (text: string) => text.trim().length > 0;
const checklistComplete = (facts: GateFacts, stage: "PROTOTYPE" | "PACKAGING") =>
  facts.checklist[stage].total > 0 && facts.checklist[stage].open === 0;
const checklistGap = (facts: GateFacts, stage: "PROTOTYPE" | "PACKAGING") =>
  facts.checklist[stage].total === 0
    ? `The ${STAGE_LABELS[stage].toLowerCase()} checklist has not been started.`
    : `${facts.checklist[stage].open} of ${facts.checklist[stage].total} ${STAGE_LABELS[stage].toLowerCase()} checklist items are still open.`;

export const GATES: readonly GateDefinition[] = [
  {
    id: "G1",
    from: "POC",
    to: "PROTOTYPE",
    name: "POC → Prototype",
    deciders: ["BUSINESS"],
    sponsorMayDecide: true,
    criteria: [
      {
        id: "output",
        label: "Output described",
        unmet: () => "Describe the output: what the model predicts.",
        fix: "details",
        met: (f) => filled(f.useCase.output),
      },
      {
        id: "outcome",
        label: "Outcome described",
        unmet: () => "Describe the outcome: why the prediction matters to the business.",
        fix: "details",
        met: (f) => filled(f.useCase.outcome),
      },
      {
        id: "benefitArea",
        label: "Benefit area chosen",
        unmet: () => "Choose the benefit area: revenue growth or cost reduction.",
        fix: "details",
        met: (f) => f.useCase.benefitArea != null,
      },
      {
        id: "ebitdaRange",
        label: "EBITDA range estimated",
        unmet: () => "Estimate the EBITDA impact as a low, base and high range.",
        fix: "details",
        met: (f) => f.useCase.ebitdaBase != null,
      },
      {
        id: "pocResult",
        label: "POC result recorded",
        unmet: () => "Record what the POC showed.",
        fix: "details",
        met: (f) => filled(f.useCase.pocResult),
      },
      ...RISK_CRITERIA.G1,
    ],
  },
  {
    id: "G2",
    from: "PROTOTYPE",
    to: "PACKAGING",
    name: "Prototype → Packaging & preparing",
    deciders: ["BUSINESS", "IT"],
    sponsorMayDecide: true,
    criteria: [
      {
        id: "prototypeChecklist",
        label: "Prototype checklist complete",
        unmet: (f) => checklistGap(f, "PROTOTYPE"),
        fix: "checklist",
        met: (f) => checklistComplete(f, "PROTOTYPE"),
      },
      {
        id: "userFeedback",
        label: "User feedback recorded",
        unmet: () => "Record at least one piece of user feedback on the prototype.",
        fix: "feedback",
        met: (f) => f.feedbackCount > 0,
      },
      {
        id: "estimateRevised",
        label: "Value estimate revised during the prototype",
        unmet: () => "Revise the value estimate with what the prototype taught.",
        fix: "value",
        met: (f) => (f.estimateRevisions.PROTOTYPE ?? 0) > 0,
      },
      ...RISK_CRITERIA.G2,
    ],
  },
  {
    id: "G3",
    from: "PACKAGING",
    to: "PRODUCTION",
    name: "Packaging & preparing → Production",
    deciders: ["IT", "BUSINESS"],
    // A high-risk system goes to production only with the risk officer's vote as well.
    tierDeciders: { HIGH: ["RISK"] },
    sponsorMayDecide: true,
    criteria: [
      {
        id: "packagingChecklist",
        label: "Packaging checklist complete",
        unmet: (f) => checklistGap(f, "PACKAGING"),
        fix: "checklist",
        met: (f) => checklistComplete(f, "PACKAGING"),
      },
      {
        id: "packagingSignedOff",
        label: "Handover signed off by IT",
        unmet: () => "IT has not signed off the packaging checklist (the handover).",
        fix: "checklist",
        met: (f) => f.checklist.PACKAGING.signedOff,
      },
      {
        id: "productionService",
        label: "A production service registered",
        unmet: () => "Register at least one service in the PRODUCTION environment.",
        fix: "services",
        met: (f) => f.productionServices > 0,
      },
      ...RISK_CRITERIA.G3,
    ],
  },
];

/**
 * Who decides `gate` for a use case of `tier`: its deciders, and those its tier adds. Read from
 * the use case's current tier whenever a vote is counted, so a tier raised while a review is
 * open adds its decider to that review (nothing is grandfathered).
 */
export function decidersFor(gate: Pick<GateDefinition, "deciders" | "tierDeciders">, tier: RiskTier | null): Role[] {
  const extra = (tier && gate.tierDeciders?.[tier]) || [];
  return [...gate.deciders, ...extra.filter((role) => !gate.deciders.includes(role))];
}

/** Every role that decides `gate` for some tier (the review inbox's first cut). */
export function anyDeciders(gate: Pick<GateDefinition, "deciders" | "tierDeciders">): Role[] {
  const extra = Object.values(gate.tierDeciders ?? {}).flat();
  return [...new Set([...gate.deciders, ...extra])];
}

/** The gate out of `stage`; null for PRODUCTION, the last stage. */
export function gateOutOf(stage: Stage): GateDefinition | null {
  return GATES.find((gate) => gate.from === stage) ?? null;
}

export type CriterionResult = { id: string; label: string; met: boolean; message: string; fix: FixSection };

export function evaluateCriteria(gate: GateDefinition, facts: GateFacts): CriterionResult[] {
  return gate.criteria.map((criterion) => {
    const met = criterion.met(facts);
    return {
      id: criterion.id,
      label: criterion.label,
      met,
      message: met ? criterion.label : criterion.unmet(facts),
      fix: criterion.fix,
    };
  });
}
