import { describe, expect, it } from "vitest";
import { type Answers, evaluateTier, type RiskTier, SCREENING_V1, unansweredQuestions } from "./risk-screening";
import { answersSchema } from "./validation/risk";

const base: Answers = {
  prohibitedPractices: ["none"],
  annexIIIAreas: ["none"],
  safetyComponent: false,
  interactsWithPeople: false,
  generatesContent: false,
  personalData: false,
  affectedPeople: "Finance staff, about 20 people.",
  humanOversight: "in-the-loop",
};

const TABLE: [string, Answers, RiskTier][] = [
  ["nothing applies: minimal", base, "MINIMAL"],
  ["no answers at all: minimal", {}, "MINIMAL"],
  ["social scoring: unacceptable", { ...base, prohibitedPractices: ["social-scoring"] }, "UNACCEPTABLE"],
  [
    "emotion recognition at work, even in an Annex III area: unacceptable",
    { ...base, prohibitedPractices: ["emotion-recognition-work-education"], annexIIIAreas: ["employment"] },
    "UNACCEPTABLE",
  ],
  ["credit scoring (essential services): high", { ...base, annexIIIAreas: ["essential-services"] }, "HIGH"],
  ["recruitment (employment): high", { ...base, annexIIIAreas: ["employment", "education"] }, "HIGH"],
  ["a safety component: high", { ...base, safetyComponent: true }, "HIGH"],
  ["a high-risk chatbot stays high", { ...base, annexIIIAreas: ["migration"], interactsWithPeople: true }, "HIGH"],
  ["a customer chatbot: limited", { ...base, interactsWithPeople: true }, "LIMITED"],
  ["generated content: limited", { ...base, generatesContent: true }, "LIMITED"],
  ["personal data alone does not raise the tier", { ...base, personalData: true }, "MINIMAL"],
];

describe("the AI Act screening's tier rules", () => {
  it.each(TABLE)("%s", (_label, answers, tier) => {
    expect(evaluateTier(SCREENING_V1, answers).tier).toBe(tier);
  });

  it("gives the reasons of the winning tier only", () => {
    const result = evaluateTier(SCREENING_V1, { ...base, annexIIIAreas: ["justice"], generatesContent: true });
    expect(result).toEqual({ tier: "HIGH", reasons: ["Used in an Annex III area."] });
  });

  it("lists the required questions still unanswered", () => {
    expect(unansweredQuestions(SCREENING_V1, base)).toEqual([]);
    const { affectedPeople: _, ...rest } = base;
    expect(unansweredQuestions(SCREENING_V1, { ...rest, prohibitedPractices: [] }).map((q) => q.id)).toEqual([
      "prohibitedPractices",
      "affectedPeople",
    ]);
  });
});

describe("the answers schema", () => {
  const schema = answersSchema(SCREENING_V1);
  it("accepts answers of each question's type", () => {
    expect(schema.safeParse(base).success).toBe(true);
  });
  it("refuses unknown questions, wrong types, unknown choices and 'none' with others", () => {
    expect(schema.safeParse({ surprise: true }).success).toBe(false);
    expect(schema.safeParse({ safetyComponent: "yes" }).success).toBe(false);
    expect(schema.safeParse({ humanOversight: "robots" }).success).toBe(false);
    expect(schema.safeParse({ annexIIIAreas: ["none", "employment"] }).success).toBe(false);
  });
});
