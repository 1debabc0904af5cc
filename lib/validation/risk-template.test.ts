import { describe, expect, it } from "vitest";
import { evaluateTier, SCREENING_V1 } from "../risk-screening";
import { issuesList } from "./issues";
import { RiskTemplateDefinitionSchema, RiskTemplateUpdateSchema, toDefinition } from "./risk-template";

/** Version 1 as the PUT takes it: a deep copy, so a test may change anything in it. */
const v1 = () => ({
  ...(JSON.parse(
    JSON.stringify({ title: SCREENING_V1.title, questions: SCREENING_V1.questions, rules: SCREENING_V1.rules }),
  ) as {
    title: string;
    questions: Record<string, unknown>[];
    rules: Record<string, unknown>[];
  }),
  expectedVersion: 1,
});

const issues = (input: unknown) => {
  const parsed = RiskTemplateUpdateSchema.safeParse(input);
  return parsed.success ? [] : issuesList(parsed.error);
};

describe("the risk screening template's validation", () => {
  it("accepts version 1 as it is, and gives back the same template", () => {
    const parsed = RiskTemplateUpdateSchema.parse(v1());
    const { expectedVersion, ...fields } = parsed;
    expect(expectedVersion).toBe(1);
    expect(toDefinition(fields)).toEqual({
      title: SCREENING_V1.title,
      questions: SCREENING_V1.questions,
      rules: SCREENING_V1.rules,
    });
  });

  it("refuses two questions with one id", () => {
    const input = v1();
    (input.questions[1] as { id: string }).id = "prohibitedPractices";
    expect(issues(input)).toEqual([
      { path: "questions.1.id", message: "Each question needs its own id." },
      // The rule on the question renamed away names an id no question has any more.
      { path: "rules.1.question", message: "No question has the id “annexIIIAreas”." },
    ]);
  });

  it("asks choice and multi-choice questions for two choices or more, each value once, and no choices elsewhere", () => {
    const input = v1();
    input.questions.push(
      { id: "oneChoice", type: "choice", text: "Pick", required: false, choices: [{ value: "a", label: "A" }] },
      { id: "noChoices", type: "multi-choice", text: "Pick some", required: false },
      {
        id: "twice",
        type: "choice",
        text: "Pick",
        required: false,
        choices: [
          { value: "a", label: "A" },
          { value: "a", label: "Also A" },
        ],
      },
      { id: "yesNo", type: "yes-no", text: "Yes?", required: false, choices: [{ value: "a", label: "A" }] },
    );
    const n = SCREENING_V1.questions.length;
    expect(issues(input)).toEqual([
      { path: `questions.${n}.choices`, message: "Give at least two choices." },
      { path: `questions.${n + 1}.choices`, message: "Give at least two choices." },
      { path: `questions.${n + 2}.choices.1.value`, message: "Each choice of a question needs its own value." },
      { path: `questions.${n + 3}.choices`, message: "Only choice and multi-choice questions have choices." },
    ]);
  });

  it("refuses a rule naming a question or a choice the template does not have, or a value of the wrong type", () => {
    const input = v1();
    input.rules.push(
      { question: "noSuchQuestion", tier: "HIGH", reason: "Never", equals: true },
      { question: "annexIIIAreas", tier: "HIGH", reason: "Typo", includesAnyOf: ["employment", "employmnet"] },
      { question: "humanOversight", tier: "HIGH", reason: "Unknown choice", equals: "nobody" },
      { question: "safetyComponent", tier: "HIGH", reason: "Not a boolean", equals: "yes" },
      { question: "annexIIIAreas", tier: "HIGH", reason: "A list", equals: "employment" },
      { question: "affectedPeople", tier: "LIMITED", reason: "No choices", includesAnyOf: ["x"] },
      { question: "personalData", tier: "LIMITED", reason: "Both", equals: true, includesAnyOf: ["x"] },
      { question: "personalData", tier: "LIMITED", reason: "Neither" },
    );
    const n = SCREENING_V1.rules.length;
    expect(issues(input)).toEqual([
      { path: `rules.${n}.question`, message: "No question has the id “noSuchQuestion”." },
      { path: `rules.${n + 1}.includesAnyOf.1`, message: "“employmnet” is not a choice of “annexIIIAreas”." },
      { path: `rules.${n + 2}.equals`, message: "Choose one of the choices of “humanOversight”." },
      { path: `rules.${n + 3}.equals`, message: "A yes/no question equals true (yes) or false (no)." },
      { path: `rules.${n + 4}.equals`, message: "A multi-choice answer is a list: use includesAnyOf." },
      {
        path: `rules.${n + 5}.includesAnyOf`,
        message: "Only a choice or multi-choice question has choices to include: use equals.",
      },
      {
        path: `rules.${n + 6}.equals`,
        message: "Give either equals (one answer) or includesAnyOf (some choices), not both.",
      },
      {
        path: `rules.${n + 7}.equals`,
        message: "Give either equals (one answer) or includesAnyOf (some choices), not both.",
      },
    ]);
  });

  it("takes http(s) links to the legal text only", () => {
    for (const [link, ok] of [
      ["https://eur-lex.europa.eu/eli/reg/2024/1689/oj#art_5", true],
      ["http://intranet.example/policy", true],
      ["javascript:alert(1)", false],
      ["ftp://example.org/act.pdf", false],
      ["eur-lex.europa.eu", false],
      ["https://user:secret@example.org/", false],
    ] as const) {
      const input = v1();
      input.questions[0] = { ...input.questions[0], link };
      expect(
        issues(input).map((i) => i.path),
        link,
      ).toEqual(ok ? [] : ["questions.0.link"]);
    }
  });

  it("keeps the question the prototype gate reads, as text", () => {
    const input = v1();
    input.questions = input.questions.filter((q) => q.id !== "transparencyNotice");
    expect(issues(input)).toEqual([
      {
        path: "questions",
        message:
          "Keep the text question “transparencyNotice”: the prototype gate reads its answer for a limited-risk use case.",
      },
    ]);
  });

  it("names the field of each malformed part, and asks for the version read", () => {
    const input = v1();
    input.questions[0] = { ...input.questions[0], id: "1st", type: "date", text: " " };
    input.rules[0] = { ...input.rules[0], tier: "MINIMAL", reason: "" };
    const { expectedVersion: _, ...withoutVersion } = input;
    expect(issues(withoutVersion).map((i) => i.path)).toEqual([
      "questions.0.id",
      "questions.0.type",
      "questions.0.text",
      "rules.0.tier",
      "rules.0.reason",
      "expectedVersion",
    ]);
    expect(issues({ ...v1(), extra: true }).map((i) => i.path)).toEqual([""]);
  });

  it("lets the draft check and evaluateTier read the same template: a new rule gives its tier", () => {
    const input = v1();
    input.questions.push({ id: "scoresPeople", type: "yes-no", text: "Does it score people?", required: false });
    input.rules.push({ question: "scoresPeople", tier: "HIGH", reason: "It scores people.", equals: true });
    const { expectedVersion: _, ...definition } = input;
    const parsed = RiskTemplateDefinitionSchema.parse(definition);
    const template = { version: 2, ...toDefinition(parsed) };
    expect(evaluateTier(template, { scoresPeople: true })).toEqual({ tier: "HIGH", reasons: ["It scores people."] });
    expect(evaluateTier(template, { scoresPeople: false })).toEqual({ tier: "MINIMAL", reasons: [] });
  });
});
