// The risk screening as data: questionnaire templates (versioned), the rules that map answers
// to a risk tier, and the one pure function that applies them, on the server, in the screening
// form and in the admin's rule tester. Version 1 follows the EU AI Act (Regulation (EU)
// 2024/1689) and lives here, in code; later versions are saved by an admin
// (server/risk/questionnaire-templates.ts). It is a screening aid, not legal advice: the tier
// says which obligations are likely, a risk officer reviews it.

export const RISK_TIERS = ["UNACCEPTABLE", "HIGH", "LIMITED", "MINIMAL"] as const;
export type RiskTier = (typeof RISK_TIERS)[number];
export const RISK_TIER_LABELS: Record<RiskTier, string> = {
  UNACCEPTABLE: "Unacceptable",
  HIGH: "High",
  LIMITED: "Limited",
  MINIMAL: "Minimal",
};
export const RISK_TIER_DESCRIPTIONS: Record<RiskTier, string> = {
  UNACCEPTABLE: "A prohibited practice (Art. 5): it may not be placed on the market or used. Every gate is blocked.",
  HIGH: "A high-risk system (Art. 6, Annex III): risk management, data governance, logging, human oversight, accuracy and registration.",
  LIMITED: "Transparency obligations (Art. 50): people must know they deal with an AI system or generated content.",
  MINIMAL: "No specific obligation beyond AI literacy (Art. 4) and voluntary codes of conduct.",
};

export const ASSESSMENT_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "CHANGES_REQUESTED"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted for review",
  APPROVED: "Approved",
  CHANGES_REQUESTED: "Changes requested",
};

export const REVIEW_DECISIONS = ["APPROVE", "REQUEST_CHANGES"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export type Choice = { value: string; label: string };
export type Question = {
  id: string;
  text: string;
  help?: string;
  /** The legal text it comes from. */
  link?: string;
  /** A required question must be answered before the screening is submitted. */
  required: boolean;
} & (
  | { type: "yes-no" }
  | { type: "choice"; choices: readonly Choice[] }
  | { type: "multi-choice"; choices: readonly Choice[] }
  | { type: "text" }
);

export type Answer = boolean | string | string[];
export type Answers = Record<string, Answer>;

/** A rule gives its tier when its condition holds; the most severe tier of all that hold wins. */
export type Rule = {
  tier: Exclude<RiskTier, "MINIMAL">;
  /** Why, in plain words (shown with the result). */
  reason: string;
  question: string;
} & ({ equals: Answer } | { includesAnyOf: readonly string[] });

export type Template = { version: number; title: string; questions: readonly Question[]; rules: readonly Rule[] };
/** A template without its version: what an admin edits and saves as the next version. */
export type TemplateDefinition = Omit<Template, "version">;

const AI_ACT = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj";

const PROHIBITED: readonly Choice[] = [
  { value: "social-scoring", label: "Social scoring of people leading to unfavourable treatment" },
  { value: "emotion-recognition-work-education", label: "Emotion recognition at the workplace or in education" },
  { value: "manipulation", label: "Subliminal, manipulative or deceptive techniques that distort behaviour" },
  {
    value: "exploiting-vulnerabilities",
    label: "Exploiting vulnerabilities due to age, disability or social situation",
  },
  { value: "predictive-policing", label: "Predicting criminal offences from profiling or personality traits alone" },
  { value: "face-scraping", label: "Untargeted scraping of facial images to build recognition databases" },
  {
    value: "biometric-categorisation",
    label: "Biometric categorisation inferring race, opinions, beliefs or orientation",
  },
  {
    value: "real-time-remote-biometric-id",
    label: "Real-time remote biometric identification in public spaces for law enforcement",
  },
  { value: "none", label: "None of these" },
];

const ANNEX_III: readonly Choice[] = [
  { value: "biometrics", label: "Biometrics (remote identification, categorisation, emotion recognition)" },
  {
    value: "critical-infrastructure",
    label: "Critical infrastructure (safety of digital infrastructure, traffic, water, gas, heating, electricity)",
  },
  { value: "education", label: "Education and vocational training (admission, assessment, proctoring)" },
  {
    value: "employment",
    label: "Employment and workers management (recruitment, promotion, task allocation, monitoring)",
  },
  {
    value: "essential-services",
    label:
      "Access to essential services: credit scoring, life and health insurance pricing, public benefits, emergency calls",
  },
  { value: "law-enforcement", label: "Law enforcement" },
  { value: "migration", label: "Migration, asylum and border control" },
  { value: "justice", label: "Administration of justice and democratic processes" },
  { value: "none", label: "None of these" },
];

const notNone = (choices: readonly Choice[]) => choices.filter((c) => c.value !== "none").map((c) => c.value);

export const SCREENING_V1: Template = {
  version: 1,
  title: "EU AI Act screening",
  questions: [
    {
      id: "prohibitedPractices",
      type: "multi-choice",
      text: "Does the system do any of these prohibited practices?",
      help: "Article 5 lists practices banned since February 2025. Choose every one that applies, or none.",
      link: `${AI_ACT}#art_5`,
      required: true,
      choices: PROHIBITED,
    },
    {
      id: "annexIIIAreas",
      type: "multi-choice",
      text: "Is the system used in any of these areas?",
      help: "Annex III areas make a system high-risk (Article 6(2)), for example credit scoring of people or insurance pricing.",
      link: `${AI_ACT}#anx_III`,
      required: true,
      choices: ANNEX_III,
    },
    {
      id: "safetyComponent",
      type: "yes-no",
      text: "Is the system a safety component of a regulated product (machinery, toys, medical devices, vehicles...)?",
      help: "Article 6(1) and Annex I: such systems are high-risk.",
      link: `${AI_ACT}#art_6`,
      required: true,
    },
    {
      id: "interactsWithPeople",
      type: "yes-no",
      text: "Do people interact with the system directly (a chatbot, a voice assistant)?",
      help: "Article 50(1): people must be told they are dealing with an AI system.",
      link: `${AI_ACT}#art_50`,
      required: true,
    },
    {
      id: "generatesContent",
      type: "yes-no",
      text: "Does the system generate or manipulate text, images, audio or video that people will see?",
      help: "Article 50(2) and (4): generated content must be marked as such.",
      link: `${AI_ACT}#art_50`,
      required: true,
    },
    {
      id: "transparencyNotice",
      type: "text",
      text: "How are people told that they deal with an AI system or with generated content?",
      help: "Needed before the prototype gate for a limited-risk system.",
      link: `${AI_ACT}#art_50`,
      required: false,
    },
    {
      id: "personalData",
      type: "yes-no",
      text: "Does it process personal data in a way likely to result in a high risk to people (a DPIA is needed)?",
      help: "GDPR Article 35: a data protection impact assessment, with your data protection officer.",
      link: "https://eur-lex.europa.eu/eli/reg/2016/679/oj#art_35",
      required: true,
    },
    {
      id: "affectedPeople",
      type: "text",
      text: "Who is affected by the system's outputs, and how many people?",
      help: "For example: retail customers applying for a loan, about 40,000 a year.",
      required: true,
    },
    {
      id: "humanOversight",
      type: "choice",
      text: "How do people oversee the system's outputs?",
      help: "Article 14: high-risk systems must be effectively overseen by people.",
      link: `${AI_ACT}#art_14`,
      required: true,
      choices: [
        { value: "in-the-loop", label: "A person confirms every output before it takes effect" },
        { value: "on-the-loop", label: "A person monitors and can override or stop it" },
        { value: "none", label: "Outputs take effect without a person" },
      ],
    },
  ],
  rules: [
    {
      tier: "UNACCEPTABLE",
      reason: "A prohibited practice under Article 5.",
      question: "prohibitedPractices",
      includesAnyOf: notNone(PROHIBITED),
    },
    {
      tier: "HIGH",
      reason: "Used in an Annex III area.",
      question: "annexIIIAreas",
      includesAnyOf: notNone(ANNEX_III),
    },
    { tier: "HIGH", reason: "A safety component of a regulated product.", question: "safetyComponent", equals: true },
    {
      tier: "LIMITED",
      reason: "People interact with it (Article 50 transparency).",
      question: "interactsWithPeople",
      equals: true,
    },
    {
      tier: "LIMITED",
      reason: "It generates content people see (Article 50 transparency).",
      question: "generatesContent",
      equals: true,
    },
  ],
};

/**
 * Question ids that code reads beyond the rules: the prototype gate asks a limited-risk use case
 * for the answer to `transparencyNotice` (lib/risk-criteria.ts). Every version keeps them, with
 * this answer type.
 */
export const GATE_QUESTIONS: Readonly<Record<string, Question["type"]>> = { transparencyNotice: "text" };

const SEVERITY: Record<RiskTier, number> = { UNACCEPTABLE: 3, HIGH: 2, LIMITED: 1, MINIMAL: 0 };

function holds(rule: Rule, answers: Answers): boolean {
  const answer = answers[rule.question];
  if (answer === undefined) return false;
  if ("equals" in rule) return answer === rule.equals;
  const chosen = Array.isArray(answer) ? answer : [answer];
  return chosen.some((value) => typeof value === "string" && rule.includesAnyOf.includes(value));
}

export type TierResult = { tier: RiskTier; reasons: string[] };

/** The tier the answers give: the most severe tier among the rules that hold, else MINIMAL. */
export function evaluateTier(template: Template, answers: Answers): TierResult {
  const matched = template.rules.filter((rule) => holds(rule, answers));
  const tier = matched.reduce<RiskTier>(
    (worst, rule) => (SEVERITY[rule.tier] > SEVERITY[worst] ? rule.tier : worst),
    "MINIMAL",
  );
  return { tier, reasons: matched.filter((rule) => rule.tier === tier).map((rule) => rule.reason) };
}

const isAnswered = (answer: Answer | undefined) =>
  answer !== undefined &&
  (typeof answer === "boolean" || answer.length > 0) &&
  !(typeof answer === "string" && !answer.trim());

/** The required questions still without an answer (the screening cannot be submitted before). */
export function unansweredQuestions(template: Template, answers: Answers): Question[] {
  return template.questions.filter((q) => q.required && !isAnswered(answers[q.id]));
}

export function tierSeverity(tier: RiskTier): number {
  return SEVERITY[tier];
}
