// Inputs of the risk screening: the answers (checked against the template's questions), the
// submission and the review. One schema per input, used by the form and by the API.
import { z } from "zod";
import { type Answers, REVIEW_DECISIONS, type Template } from "../risk-screening";

const TEXT_LIMIT = 4000;

/** The answers to a template's questions: only its question ids, each of its answer type. */
export function answersSchema(template: Template) {
  const shape: Record<string, z.ZodType> = {};
  for (const q of template.questions) {
    let schema: z.ZodType;
    if (q.type === "yes-no") schema = z.boolean({ error: "Answer yes or no." });
    else if (q.type === "text")
      schema = z
        .string({ error: "The answer must be text." })
        .trim()
        .max(TEXT_LIMIT, { error: `At most ${TEXT_LIMIT} characters.` });
    else {
      const values = q.choices.map((c) => c.value) as [string, ...string[]];
      const one = z.enum(values, { error: `Choose one of: ${values.join(", ")}.` });
      schema =
        q.type === "choice"
          ? one
          : z
              .array(one, { error: "Choose from the list." })
              .max(values.length)
              .refine((list) => new Set(list).size === list.length, { error: "Choose each option once." })
              .refine((list) => !(list.includes("none") && list.length > 1), {
                error: "'None of these' goes alone.",
              });
    }
    shape[q.id] = schema.optional();
  }
  return z
    .object(shape, { error: "The answers must be an object keyed by question id." })
    .strict() as z.ZodType<Answers>;
}

const version = z
  .number({ error: "Send the version you started from (0 for a screening not started yet)." })
  .int()
  .min(0, { error: "Send the version you started from (0 for a screening not started yet)." });

export function assessmentUpdateSchema(template: Template) {
  return z.object({ answers: answersSchema(template), version }).strict();
}

export const AssessmentSubmitSchema = z.object({ version: version.optional() }).strict();

export const AssessmentReviewSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS, { error: "Choose APPROVE or REQUEST_CHANGES." }),
    rationale: z
      .string({ error: "Give the rationale." })
      .trim()
      .min(1, { error: "Give the rationale for the review." })
      .max(TEXT_LIMIT, { error: `At most ${TEXT_LIMIT} characters.` }),
    version: version.optional(),
  })
  .strict();
export type AssessmentReviewInput = z.infer<typeof AssessmentReviewSchema>;
