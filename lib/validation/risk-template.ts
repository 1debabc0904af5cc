// The risk screening's questionnaire template as an admin saves it (PUT /api/v1/risk-template
// and the template editor): one schema, its checks across fields included, so the API, the form
// and the OpenAPI document agree on what a valid template is.
import { z } from "zod";
import "./no-eval";
import { GATE_QUESTIONS, type Question, RISK_TIERS, type Rule, type TemplateDefinition } from "../risk-screening";
import { httpUrl } from "./http-url";

export const QUESTION_TYPES = ["yes-no", "choice", "multi-choice", "text"] as const;
export const RULE_TIERS = RISK_TIERS.filter((tier) => tier !== "MINIMAL") as [Rule["tier"], ...Rule["tier"][]];

const QUESTION_ID = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
const CHOICE_VALUE = /^[a-z0-9][a-z0-9-]{0,59}$/;
export const TEMPLATE_LIMITS = { questions: 60, rules: 100, choices: 30 } as const;

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .min(1, { error: `Give ${what.toLowerCase()}.` })
    .max(max, { error: `At most ${max} characters.` });

export const ChoiceSchema = z
  .object({
    value: z.string({ error: "A choice's value must be text." }).trim().regex(CHOICE_VALUE, {
      error: "A value is lowercase letters, digits and dashes (at most 60), like credit-scoring.",
    }),
    label: text("The choice's label", 300),
  })
  .strict();

export const QuestionSchema = z
  .object({
    id: z.string({ error: "A question's id must be text." }).trim().regex(QUESTION_ID, {
      error: "An id starts with a letter, then letters, digits, - or _ (at most 60), like personalData.",
    }),
    type: z.enum(QUESTION_TYPES, { error: "The answer type is yes-no, choice, multi-choice or text." }),
    text: text("The question", 500),
    help: z
      .string({ error: "The help must be text." })
      .trim()
      .max(1000, { error: "At most 1000 characters." })
      .optional(),
    link: httpUrl("The link to the legal text", "https://eur-lex.europa.eu/eli/reg/2024/1689/oj#art_5").optional(),
    required: z.boolean({ error: "Required is true or false." }),
    choices: z
      .array(ChoiceSchema, { error: "Give the choices as a list." })
      .max(TEMPLATE_LIMITS.choices, { error: `At most ${TEMPLATE_LIMITS.choices} choices.` })
      .optional(),
  })
  .strict();

export const RuleSchema = z
  .object({
    question: z.string({ error: "Name the question (its id)." }).trim().min(1, { error: "Choose the question." }),
    tier: z.enum(RULE_TIERS, { error: "The tier is UNACCEPTABLE, HIGH or LIMITED." }),
    reason: text("The reason", 300),
    equals: z
      .union([z.boolean(), z.string().trim().min(1).max(4000)], {
        error: "Equals is true or false (yes/no), a choice's value, or text.",
      })
      .optional(),
    includesAnyOf: z
      .array(z.string({ error: "A choice's value must be text." }).trim(), { error: "Give the choices as a list." })
      .min(1, { error: "Choose at least one choice." })
      .max(TEMPLATE_LIMITS.choices, { error: `At most ${TEMPLATE_LIMITS.choices} choices.` })
      .optional(),
  })
  .strict();

type QuestionInput = z.output<typeof QuestionSchema>;
type RuleInput = z.output<typeof RuleSchema>;
type DefinitionInput = { questions: QuestionInput[]; rules: RuleInput[] };

const hasChoices = (type: QuestionInput["type"]) => type === "choice" || type === "multi-choice";

/** The checks across fields: ids, choices, what the rules name, and the questions the gates read. */
function checkTemplate(input: DefinitionInput, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const byId = new Map<string, QuestionInput>();
  input.questions.forEach((question, index) => {
    if (byId.has(question.id)) issue(["questions", index, "id"], "Each question needs its own id.");
    else byId.set(question.id, question);
    const choices = question.choices ?? [];
    if (hasChoices(question.type)) {
      if (choices.length < 2) issue(["questions", index, "choices"], "Give at least two choices.");
      const seen = new Set<string>();
      choices.forEach((choice, c) => {
        if (seen.has(choice.value))
          issue(["questions", index, "choices", c, "value"], "Each choice of a question needs its own value.");
        seen.add(choice.value);
      });
    } else if (choices.length)
      issue(["questions", index, "choices"], "Only choice and multi-choice questions have choices.");
  });
  for (const [id, type] of Object.entries(GATE_QUESTIONS)) {
    if (byId.get(id)?.type !== type)
      issue(
        ["questions"],
        `Keep the ${type} question “${id}”: the prototype gate reads its answer for a limited-risk use case.`,
      );
  }

  input.rules.forEach((rule, index) => {
    const at = (field: string, ...rest: number[]) => ["rules", index, field, ...rest];
    const question = byId.get(rule.question);
    if (!question) {
      issue(at("question"), `No question has the id “${rule.question}”.`);
      return;
    }
    const values = new Set((question.choices ?? []).map((choice) => choice.value));
    const hasEquals = rule.equals !== undefined;
    const hasIncludes = rule.includesAnyOf !== undefined;
    if (hasEquals === hasIncludes) {
      issue(at("equals"), "Give either equals (one answer) or includesAnyOf (some choices), not both.");
      return;
    }
    if (hasEquals) {
      const expected = rule.equals;
      if (question.type === "yes-no" && typeof expected !== "boolean")
        issue(at("equals"), "A yes/no question equals true (yes) or false (no).");
      else if (question.type === "choice" && (typeof expected !== "string" || !values.has(expected)))
        issue(at("equals"), `Choose one of the choices of “${question.id}”.`);
      else if (question.type === "multi-choice")
        issue(at("equals"), "A multi-choice answer is a list: use includesAnyOf.");
      else if (question.type === "text" && typeof expected !== "string")
        issue(at("equals"), "A text question equals some text.");
      return;
    }
    if (!hasChoices(question.type)) {
      issue(at("includesAnyOf"), "Only a choice or multi-choice question has choices to include: use equals.");
      return;
    }
    const seen = new Set<string>();
    (rule.includesAnyOf ?? []).forEach((value, v) => {
      if (!values.has(value)) issue(at("includesAnyOf", v), `“${value}” is not a choice of “${question.id}”.`);
      else if (seen.has(value)) issue(at("includesAnyOf", v), "Each choice once.");
      seen.add(value);
    });
  });
}

const definitionShape = {
  title: text("The title", 120),
  questions: z
    .array(QuestionSchema, { error: "Give the questions as a list." })
    .min(1, { error: "Give at least one question." })
    .max(TEMPLATE_LIMITS.questions, { error: `At most ${TEMPLATE_LIMITS.questions} questions.` }),
  rules: z
    .array(RuleSchema, { error: "Give the rules as a list." })
    .max(TEMPLATE_LIMITS.rules, { error: `At most ${TEMPLATE_LIMITS.rules} rules.` }),
};

/** A template without a version (the tester's draft check). */
export const RiskTemplateDefinitionSchema = z.object(definitionShape).strict().superRefine(checkTemplate);

/** What PUT /api/v1/risk-template takes: the template and the version it was read at. */
export const RiskTemplateUpdateSchema = z
  .object({
    ...definitionShape,
    expectedVersion: z
      .number({ error: "expectedVersion is the version you read (a whole number)." })
      .int({ error: "expectedVersion is the version you read (a whole number)." })
      .min(1, { error: "expectedVersion is the version you read (a whole number)." }),
  })
  .strict()
  .superRefine(checkTemplate);
export type RiskTemplateUpdateInput = z.input<typeof RiskTemplateUpdateSchema>;

/** A checked template as lib/risk-screening.ts types it: choices only where the answer type has them. */
export function toDefinition(input: { title: string } & DefinitionInput): TemplateDefinition {
  const questions = input.questions.map((q): Question => {
    const base = {
      id: q.id,
      text: q.text,
      ...(q.help ? { help: q.help } : {}),
      ...(q.link ? { link: q.link } : {}),
      required: q.required,
    };
    if (q.type === "choice" || q.type === "multi-choice") return { ...base, type: q.type, choices: q.choices ?? [] };
    return { ...base, type: q.type };
  });
  const rules = input.rules.map(
    (r): Rule =>
      r.includesAnyOf !== undefined
        ? { tier: r.tier, reason: r.reason, question: r.question, includesAnyOf: r.includesAnyOf }
        : { tier: r.tier, reason: r.reason, question: r.question, equals: r.equals as boolean | string },
  );
  return { title: input.title, questions, rules };
}
