// Checklists, their templates and IT's sign-off. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import { CHECKLIST_STAGES } from "@/lib/checklist-templates";
import { ChecklistItemUpdateSchema, TemplateUpdateSchema } from "@/lib/validation/checklist";
import { type Endpoint, JSON_WRITE } from "../endpoint";
import { ChecklistResponse, ChecklistTemplateResponse } from "../schemas/checklists";

/** `?stage=`: app/api/v1/use-cases/[key]/checklist/route.ts hands it to getChecklist, which checks it. */
const ChecklistQuerySchema = z.object({
  stage: z
    .enum(CHECKLIST_STAGES)
    .optional()
    .meta({ description: "Which checklist; by default the current stage's (packaging's in production)." }),
});

/** The template handler reads `expectedVersion` apart, then validates the rest with TemplateUpdateSchema. */
const TemplatePutSchema = TemplateUpdateSchema.extend({
  expectedVersion: z
    .number()
    .int()
    .meta({ description: "The version you edited (required): 409 when someone saved another since." }),
});

export const CHECKLIST_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/checklist",
    operationId: "getChecklist",
    summary: "Get a use case's checklist",
    tag: "Checklists",
    query: ChecklistQuerySchema,
    success: { status: 200, description: "The checklist, its sign-off and progress.", schema: ChecklistResponse },
    errors: [401, 403, 404, 422],
  },
  {
    method: "PATCH",
    path: "/api/v1/use-cases/{key}/checklist/{itemId}",
    operationId: "updateChecklistItem",
    summary: "Update a checklist item",
    description:
      "Send the item's `version` you edited (required: 422 without it; 409 with `current` when stale). DONE needs an answer where the item has one; NOT_APPLICABLE needs a note. A change voids a standing sign-off.",
    tag: "Checklists",
    body: { schema: ChecklistItemUpdateSchema },
    success: { status: 200, description: "The whole checklist after the change.", schema: ChecklistResponse },
    errors: JSON_WRITE,
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/checklist/sign-off",
    operationId: "signOffChecklist",
    summary: "Sign the checklist off (IT)",
    description: "409 when an item is not DONE or NOT_APPLICABLE (listed in `errors`) or it is already signed off.",
    tag: "Checklists",
    success: { status: 201, description: "The signed-off checklist.", schema: ChecklistResponse },
    errors: [401, 403, 404, 409],
  },
  {
    method: "GET",
    path: "/api/v1/checklist-templates",
    operationId: "listChecklistTemplates",
    summary: "List the checklist templates",
    tag: "Checklists",
    success: {
      status: 200,
      description: "The current version of each stage's template.",
      schema: z.array(ChecklistTemplateResponse),
    },
    errors: [401, 403],
  },
  {
    method: "PUT",
    path: "/api/v1/checklist-templates/{stage}",
    operationId: "updateChecklistTemplate",
    summary: "Save a new version of a checklist template",
    description: "ADMIN. Answered items cannot be left out, only retired. Running checklists keep their version.",
    tag: "Checklists",
    body: { schema: TemplatePutSchema },
    success: { status: 200, description: "The new version.", schema: ChecklistTemplateResponse },
    errors: JSON_WRITE,
  },
];
