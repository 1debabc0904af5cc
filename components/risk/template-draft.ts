// The template editor's draft: the questionnaire as form fields hold it (text everywhere, every
// list editable), and the way back to what the API takes and what evaluateTier reads. The rule
// tester runs on the draft as it is, saved or not.
import type { Choice, Question, Rule, Template, TemplateDefinition } from "@/lib/risk-screening";

export type QuestionDraft = {
  id: string;
  type: Question["type"];
  text: string;
  help: string;
  link: string;
  required: boolean;
  choices: Choice[];
};

export type Condition = "equals" | "includesAnyOf";

export type RuleDraft = {
  question: string;
  tier: Rule["tier"];
  reason: string;
  condition: Condition;
  /** "true"/"false" for a yes/no question, a choice's value, or text. */
  equals: string;
  includesAnyOf: string[];
};

export type TemplateDraft = { title: string; questions: QuestionDraft[]; rules: RuleDraft[] };

export const QUESTION_TYPE_LABELS: Record<Question["type"], string> = {
  "yes-no": "Yes or no",
  choice: "One choice",
  "multi-choice": "Several choices",
  text: "Text",
};

export const hasChoices = (type: Question["type"]) => type === "choice" || type === "multi-choice";

/** The conditions a question's answer type allows: yes/no and text equal a value, choices include some. */
export function conditionsFor(type: Question["type"] | undefined): Condition[] {
  if (type === "choice") return ["equals", "includesAnyOf"];
  if (type === "multi-choice") return ["includesAnyOf"];
  return ["equals"];
}

export function toDraft(template: TemplateDefinition): TemplateDraft {
  return {
    title: template.title,
    questions: template.questions.map((q) => ({
      id: q.id,
      type: q.type,
      text: q.text,
      help: q.help ?? "",
      link: q.link ?? "",
      required: q.required,
      choices: "choices" in q ? q.choices.map((c) => ({ ...c })) : [],
    })),
    rules: template.rules.map((r) => ({
      question: r.question,
      tier: r.tier,
      reason: r.reason,
      condition: "equals" in r ? "equals" : "includesAnyOf",
      equals: "equals" in r ? (Array.isArray(r.equals) ? r.equals.join(",") : String(r.equals)) : "",
      includesAnyOf: "includesAnyOf" in r ? [...r.includesAnyOf] : [],
    })),
  };
}

export function newQuestion(taken: readonly QuestionDraft[]): QuestionDraft {
  let n = taken.length + 1;
  while (taken.some((q) => q.id === `question${n}`)) n++;
  return { id: `question${n}`, type: "yes-no", text: "", help: "", link: "", required: false, choices: [] };
}

/** A new rule on the first question, with the condition and answer its type allows. */
export function newRule(questions: readonly QuestionDraft[]): RuleDraft {
  const first = questions[0];
  return {
    question: first?.id ?? "",
    tier: "HIGH",
    reason: "",
    ...conditionFields(first, "equals"),
  };
}

/** A rule's condition and answer reset for `question` (its type decides what fits). */
export function conditionFields(
  question: QuestionDraft | undefined,
  wanted: Condition,
): Pick<RuleDraft, "condition" | "equals" | "includesAnyOf"> {
  const allowed = conditionsFor(question?.type);
  const condition = allowed.includes(wanted) ? wanted : (allowed[0] ?? "equals");
  const equals =
    question?.type === "yes-no" ? "true" : question?.type === "choice" ? (question.choices[0]?.value ?? "") : "";
  return { condition, equals, includesAnyOf: [] };
}

/** The body the API takes (without `expectedVersion`): blank help and links left out, choices only where they belong. */
export function toInput(draft: TemplateDraft): TemplateDefinition {
  const questions = draft.questions.map((q): Question => {
    const base = {
      id: q.id.trim(),
      text: q.text,
      ...(q.help.trim() ? { help: q.help } : {}),
      ...(q.link.trim() ? { link: q.link.trim() } : {}),
      required: q.required,
    };
    return hasChoices(q.type)
      ? { ...base, type: q.type as "choice" | "multi-choice", choices: q.choices }
      : { ...base, type: q.type as "yes-no" | "text" };
  });
  const typeOf = new Map(draft.questions.map((q) => [q.id.trim(), q.type]));
  const rules = draft.rules.map((r): Rule => {
    const base = { tier: r.tier, reason: r.reason, question: r.question };
    if (r.condition === "includesAnyOf") return { ...base, includesAnyOf: r.includesAnyOf };
    return { ...base, equals: typeOf.get(r.question) === "yes-no" ? r.equals === "true" : r.equals };
  });
  return { title: draft.title, questions, rules };
}

/** The draft as evaluateTier reads it (the tester's template, saved or not). */
export const draftTemplate = (draft: TemplateDraft, version: number): Template => ({ version, ...toInput(draft) });
