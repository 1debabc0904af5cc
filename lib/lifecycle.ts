// The roadbook's lifecycle as data: stages, statuses, benefit areas and their labels.
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

export const ROLES = ["ADMIN", "BUSINESS", "DATA_SCIENTIST", "IT"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  BUSINESS: "Business",
  DATA_SCIENTIST: "Data scientist",
  IT: "IT",
};

export function formatKey(number: number): string {
  return `UC-${number}`;
}

/** "UC-12" (any case) -> 12; null when it is not a use-case key. */
export function parseKey(key: string): number | null {
  const match = /^UC-(\d{1,9})$/i.exec(key.trim());
  return match ? Number(match[1]) : null;
}
