// Inputs of the checklists: an item's update (with the rules that depend on the item), a template edit.
import { z } from "zod";
import { ANSWER_TYPES, CHECKLIST_STATUSES, SERVICE_KINDS } from "../checklist-templates";

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .nullable()
    .optional();

export const httpUrlOrEmpty = z
  .string({ error: "The evidence link must be text." })
  .trim()
  .max(2000, { error: "The evidence link must be at most 2000 characters." })
  .refine(
    (value) => {
      if (value === "") return true;
      try {
        const url = new URL(value);
        return url.protocol === "http:" || url.protocol === "https:";
      } catch {
        return false;
      }
    },
    { error: "The evidence link must be a full http(s) address, like https://git.example.com/team/model." },
  )
  .nullable()
  .optional();

export const ChecklistItemUpdateSchema = z
  .object({
    status: z.enum(CHECKLIST_STATUSES, { error: "Choose a status: TODO, IN_PROGRESS, DONE or NOT_APPLICABLE." }),
    answer: optionalText(2000, "The answer"),
    evidenceUrl: httpUrlOrEmpty,
    note: optionalText(2000, "The note"),
    ownerId: z.string().trim().max(64).nullable().optional(),
    /** Required: a write without the version it edits would win silently over a concurrent one. */
    version: z
      .number({ error: "Send the version you edited (a whole number)." })
      .int({ error: "Send the version you edited (a whole number)." })
      .positive({ error: "Send the version you edited (a whole number)." })
      .meta({ description: "The item's version as read: a stale edit gets 409 with the checklist as it is now." }),
  })
  .strict();
export type ChecklistItemUpdate = z.infer<typeof ChecklistItemUpdateSchema>;

export const TemplateItemSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,40}$/, { error: "A key is 1-40 lower-case letters, digits or dashes." })
      .optional(),
    section: z.string().trim().min(1, { error: "Give the section." }).max(80, { error: "At most 80 characters." }),
    label: z.string().trim().min(1, { error: "Give the item's label." }).max(200, { error: "At most 200 characters." }),
    answerType: z.enum(ANSWER_TYPES, { error: "Choose the kind of answer: NONE, CHOICE or TEXT." }),
    options: z
      .array(
        z.string().trim().min(1, { error: "An option cannot be empty." }).max(60, { error: "At most 60 characters." }),
      )
      .max(12, { error: "At most 12 options." })
      .default([]),
    evidenceKind: z.enum(SERVICE_KINDS, { error: "Choose a service kind." }).nullable().optional(),
    retired: z.boolean().default(false),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.answerType === "CHOICE" && item.options.length < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "A choice needs at least two options." });
    if (item.answerType !== "CHOICE" && item.options.length > 0)
      ctx.addIssue({ code: "custom", path: ["options"], message: "Only a choice has options." });
  });

export const TemplateUpdateSchema = z
  .object({
    items: z
      .array(TemplateItemSchema, { error: "Items must be a list." })
      .min(1, { error: "A checklist needs at least one item." })
      .max(50, { error: "At most 50 items." }),
  })
  .strict();
