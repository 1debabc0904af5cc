// Response schemas: checklists, their items and templates.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time.
import "server-only";
import { z } from "zod";
import { CHECKLIST_STAGES, CHECKLIST_STATUSES } from "@/lib/checklist-templates";
import { dateTime, PersonSchema } from "./common";

const signOff = z.object({ by: PersonSchema, at: dateTime });

export const ChecklistItemResponse = z.object({
  id: z.string(),
  stage: z.enum(CHECKLIST_STAGES),
  section: z.string(),
  label: z.string(),
  status: z.enum(CHECKLIST_STATUSES),
  answerType: z.string().meta({ description: "NONE, CHOICE or TEXT." }),
  options: z.array(z.string()),
  answer: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  note: z.string().nullable(),
  owner: PersonSchema.nullable(),
  version: z.number().int(),
  updatedBy: PersonSchema.nullable(),
  updatedAt: dateTime,
  evidenceKind: z.string().nullable().meta({ description: "A service kind whose registered services are evidence." }),
  evidenceServices: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      url: z.string(),
      environment: z.string(),
      healthStatus: z.string(),
      checkedAt: dateTime.nullable(),
    }),
  ),
});

export const ChecklistResponse = z.object({
  useCaseKey: z.string(),
  stage: z.enum(CHECKLIST_STAGES),
  items: z.array(ChecklistItemResponse),
  signedOff: signOff.nullable(),
  voidedSignOffs: z.array(
    signOff.extend({ voidedAt: dateTime, voidedBy: PersonSchema.nullable(), reason: z.string().nullable() }),
  ),
  progress: z.object({
    total: z.number().int(),
    closed: z.number().int(),
    sections: z.array(z.object({ section: z.string(), total: z.number().int(), closed: z.number().int() })),
  }),
});

export const ChecklistTemplateResponse = z.object({
  stage: z.enum(CHECKLIST_STAGES),
  version: z.number().int(),
  createdAt: dateTime,
  items: z.array(
    z.object({
      key: z.string(),
      section: z.string(),
      label: z.string(),
      answerType: z.string().meta({ description: "NONE, CHOICE or TEXT." }),
      options: z.array(z.string()),
      evidenceKind: z.string().nullable(),
      retired: z.boolean(),
      answered: z.boolean().meta({ description: "Running checklists answered it: it can be retired, not deleted." }),
    }),
  ),
});
