// The roadbook's checklists as the first version of each stage's template, from the source
// article that Roadbook grew from. The templates live in the database (an ADMIN edits
// them, each edit a new version); server/checklists/templates.ts creates version 1 from
// these the first time a stage's template is needed.
import type { Stage } from "./lifecycle";

export const ANSWER_TYPES = ["NONE", "CHOICE", "TEXT"] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const SERVICE_KINDS = [
  "GRAFANA",
  "SUPERSET",
  "AIRFLOW",
  "JUPYTER",
  "JENKINS",
  "GIT",
  "MODEL_API",
  "MLFLOW",
  "OTHER",
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  GRAFANA: "Grafana",
  SUPERSET: "Superset",
  AIRFLOW: "Airflow",
  JUPYTER: "Jupyter",
  JENKINS: "Jenkins",
  GIT: "Git",
  MODEL_API: "Model API",
  MLFLOW: "MLflow",
  OTHER: "Other",
};

/** Stages that have a checklist. */
export const CHECKLIST_STAGES = ["PROTOTYPE", "PACKAGING"] as const satisfies readonly Stage[];
export type ChecklistStage = (typeof CHECKLIST_STAGES)[number];
export const isChecklistStage = (stage: Stage): stage is ChecklistStage =>
  (CHECKLIST_STAGES as readonly Stage[]).includes(stage);

export type ChecklistTemplateItem = {
  /** Stable across template versions. */
  key: string;
  section: string;
  label: string;
  answerType: AnswerType;
  options?: readonly string[];
  /** A kind of registered service that is automatic evidence for the item. */
  evidenceKind?: ServiceKind;
};

export const DEFAULT_TEMPLATES: Record<ChecklistStage, readonly ChecklistTemplateItem[]> = {
  PROTOTYPE: [
    { key: "architecture", section: "Prototype", label: "Target architecture defined", answerType: "TEXT" },
    { key: "data-sources", section: "Prototype", label: "Data sources connected", answerType: "TEXT" },
    {
      key: "automation",
      section: "Prototype",
      label: "Data treatment and execution automated",
      answerType: "NONE",
      evidenceKind: "AIRFLOW",
    },
    {
      key: "monitoring",
      section: "Prototype",
      label: "Monitoring system deployed",
      answerType: "TEXT",
      evidenceKind: "GRAFANA",
    },
    { key: "user-feedback", section: "Prototype", label: "User feedback collected", answerType: "NONE" },
  ],
  PACKAGING: [
    { key: "language", section: "Technology", label: "Programming language chosen", answerType: "TEXT" },
    {
      key: "infrastructure",
      section: "Technology",
      label: "Infrastructure chosen",
      answerType: "CHOICE",
      options: ["cloud-public", "cloud-private", "hybrid", "on-premises"],
    },
    {
      key: "open-source",
      section: "Technology",
      label: "Open-source policy for the stack (list the components in the note)",
      answerType: "CHOICE",
      options: ["accepted", "forbidden"],
    },
    {
      key: "versioning",
      section: "Delivery methods",
      label: "Code versioning",
      answerType: "TEXT",
      evidenceKind: "GIT",
    },
    {
      key: "deployment",
      section: "Delivery methods",
      label: "Model deployment option",
      answerType: "TEXT",
      evidenceKind: "MODEL_API",
    },
    { key: "ci-cd", section: "Delivery methods", label: "CI/CD", answerType: "TEXT", evidenceKind: "JENKINS" },
    {
      key: "tests",
      section: "Delivery methods",
      label: "Test strategy (unit, acceptance, integration)",
      answerType: "TEXT",
    },
    {
      key: "industrialisation",
      section: "Industrialisation",
      label: "Processing automated and the whole pipeline monitored, from extraction to exposure",
      answerType: "NONE",
      evidenceKind: "AIRFLOW",
    },
  ],
};

export const CHECKLIST_STATUSES = ["TODO", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];
export const CHECKLIST_STATUS_LABELS: Record<ChecklistStatus, string> = {
  TODO: "To do",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  NOT_APPLICABLE: "Not applicable",
};
export const isClosedStatus = (status: string) => status === "DONE" || status === "NOT_APPLICABLE";

/** The section of the packaging items a high risk tier adds: the UI shows where they come from. */
export const HIGH_RISK_SECTION = "Required by the high risk tier (EU AI Act)";
/** The item keys of those items start with this, so they are never confused with a template's. */
export const TIER_ITEM_KEY_PREFIX = "tier-high:";

/**
 * What a high-risk system must have before production (EU AI Act Art. 11-15 and 49), added to
 * the packaging checklist of a use case whose tier is HIGH, whenever the tier becomes HIGH.
 */
export const HIGH_RISK_PACKAGING_ITEMS: readonly ChecklistTemplateItem[] = [
  {
    key: `${TIER_ITEM_KEY_PREFIX}logging`,
    section: HIGH_RISK_SECTION,
    label: "Automatic logging of events over the system's lifetime (Art. 12)",
    answerType: "TEXT",
  },
  {
    key: `${TIER_ITEM_KEY_PREFIX}human-oversight`,
    section: HIGH_RISK_SECTION,
    label: "Human-oversight procedure: who can override or stop the system, and how (Art. 14)",
    answerType: "TEXT",
  },
  {
    key: `${TIER_ITEM_KEY_PREFIX}accuracy-robustness`,
    section: HIGH_RISK_SECTION,
    label: "Accuracy and robustness testing, with the declared accuracy metrics (Art. 15)",
    answerType: "TEXT",
  },
  {
    key: `${TIER_ITEM_KEY_PREFIX}technical-documentation`,
    section: HIGH_RISK_SECTION,
    label: "Technical documentation drawn up (Art. 11, Annex IV)",
    answerType: "TEXT",
  },
  {
    key: `${TIER_ITEM_KEY_PREFIX}eu-database`,
    section: HIGH_RISK_SECTION,
    label: "Registered in the EU database for high-risk AI systems (Art. 49)",
    answerType: "TEXT",
  },
];
