// The model card's input: any of its fields (text), and the version it was read at (0 for a
// card not written yet). One schema for the form and the API.
import { z } from "zod";
import { MODEL_CARD_FIELDS, type ModelCardFieldId } from "../model-card";

export const MODEL_CARD_TEXT_LIMIT = 8000;

const fieldSchema = (heading: string) =>
  z
    .string({ error: `${heading} must be text.` })
    .trim()
    .max(MODEL_CARD_TEXT_LIMIT, { error: `${heading}: at most ${MODEL_CARD_TEXT_LIMIT} characters.` })
    .optional();

const fields = Object.fromEntries(MODEL_CARD_FIELDS.map((field) => [field.id, fieldSchema(field.heading)])) as Record<
  ModelCardFieldId,
  ReturnType<typeof fieldSchema>
>;

export const ModelCardUpdateSchema = z
  .object({
    ...fields,
    version: z
      .number({ error: "Send the version you started from (0 for a model card not written yet)." })
      .int({ error: "Send the version you started from (0 for a model card not written yet)." })
      .min(0, { error: "Send the version you started from (0 for a model card not written yet)." }),
  })
  .strict();
export type ModelCardUpdateInput = z.infer<typeof ModelCardUpdateSchema>;
