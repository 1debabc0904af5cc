// The model card as data: its fields under the headings of Mitchell et al. (2019), "Model
// Cards for Model Reporting", and the Hugging Face model card template; which ones a
// high-risk use case must fill before G2 (lib/risk-criteria.ts) is marked here.

export type ModelCardFieldId =
  | "intendedUse"
  | "outOfScopeUse"
  | "trainingData"
  | "evaluationData"
  | "metrics"
  | "ethicalConsiderations"
  | "limitations"
  | "fairnessAnalysis"
  | "humanOversight"
  | "monitoring";

export type ModelCardField = {
  id: ModelCardFieldId;
  heading: string;
  help: string;
  /** A high-risk use case must fill it (EU AI Act Art. 11 and Annex IV, technical documentation). */
  requiredForHigh: boolean;
};

export const MODEL_CARD_FIELDS: readonly ModelCardField[] = [
  {
    id: "intendedUse",
    heading: "Intended use",
    help: "Who uses the model, for what decision, in which process.",
    requiredForHigh: true,
  },
  {
    id: "outOfScopeUse",
    heading: "Out-of-scope use",
    help: "Uses the model was not built or tested for, and must not serve.",
    requiredForHigh: true,
  },
  {
    id: "trainingData",
    heading: "Training data",
    help: "Sources, period, size, known gaps and how the data was prepared.",
    requiredForHigh: true,
  },
  {
    id: "evaluationData",
    heading: "Evaluation data",
    help: "The data the model was evaluated on, and why it represents its use.",
    requiredForHigh: true,
  },
  {
    id: "metrics",
    heading: "Metrics and thresholds",
    help: "Each metric with the threshold it must meet, e.g. “AUC ≥ 0.80 on the holdout”.",
    requiredForHigh: true,
  },
  {
    id: "ethicalConsiderations",
    heading: "Ethical considerations",
    help: "Sensitive data, people affected, possible harms.",
    requiredForHigh: false,
  },
  {
    id: "limitations",
    heading: "Limitations",
    help: "Where the model is known to be weak, and the conditions it needs.",
    requiredForHigh: true,
  },
  {
    id: "fairnessAnalysis",
    heading: "Fairness analysis",
    help: "Performance across the groups it affects, and the gaps found.",
    requiredForHigh: true,
  },
  {
    id: "humanOversight",
    heading: "Human oversight",
    help: "Who can check, override or stop the model's output, and how.",
    requiredForHigh: true,
  },
  {
    id: "monitoring",
    heading: "Monitoring",
    help: "What is watched in production (drift, accuracy, incidents), by whom, with which alerts.",
    requiredForHigh: true,
  },
];

export const MODEL_CARD_FIELD_IDS = MODEL_CARD_FIELDS.map((field) => field.id) as [
  ModelCardFieldId,
  ...ModelCardFieldId[],
];

export type ModelCardText = Record<ModelCardFieldId, string>;

export const EMPTY_MODEL_CARD: ModelCardText = Object.fromEntries(
  MODEL_CARD_FIELD_IDS.map((id) => [id, ""]),
) as ModelCardText;

/** The headings of the fields a high-risk use case must fill that are still empty, in card order. */
export function missingHighRiskFields(card: Partial<ModelCardText> | null | undefined): string[] {
  return MODEL_CARD_FIELDS.filter((field) => field.requiredForHigh && !(card?.[field.id] ?? "").trim()).map(
    (field) => field.heading,
  );
}
