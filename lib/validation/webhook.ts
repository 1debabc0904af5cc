// Inputs of outgoing webhooks: one registration, an edit (with the version it started from).
import { z } from "zod";
import { httpUrl } from "./http-url";

/** The events a webhook may subscribe to (`ping` is only sent by "Send test"). */
export const WEBHOOK_EVENTS = [
  "gate.requested",
  "gate.decided",
  "stage.changed",
  "checklist.signed_off",
  "service.down",
  "value.actual_added",
  "risk.tier_assigned",
  "risk.assessment_reviewed",
  "registry.drift",
  "condition.due",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "gate.requested": "A gate review is requested",
  "gate.decided": "A gate review is decided",
  "stage.changed": "A use case moves to the next stage",
  "checklist.signed_off": "IT signs a checklist off",
  "service.down": "A service goes down",
  "value.actual_added": "Realised value is recorded",
  "risk.tier_assigned": "A risk screening is submitted and gives the use case its tier",
  "risk.assessment_reviewed": "A risk officer approves a screening or requests changes",
  "registry.drift": "A model's @champion moves to a version no gate approved",
  "condition.due": "A condition of a conditional go falls due",
};

const url = httpUrl("The address", "https://hooks.example.com/roadbook", "Give the address that receives the events.");

const fields = {
  url,
  description: z
    .string({ error: "The description must be text." })
    .trim()
    .max(500, { error: "The description must be at most 500 characters." }),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: `Events are among ${WEBHOOK_EVENTS.join(", ")}.` }), {
      error: "Choose the events to send.",
    })
    .min(1, { error: "Choose at least one event." })
    .max(WEBHOOK_EVENTS.length * 2, { error: "Too many events." })
    // Kept in the order of WEBHOOK_EVENTS, each once.
    .transform((events) => WEBHOOK_EVENTS.filter((event) => events.includes(event))),
  active: z.boolean({ error: "Active must be true or false." }),
};

export const WebhookCreateSchema = z
  .object({
    url: fields.url,
    description: fields.description.default(""),
    events: fields.events,
    active: fields.active.default(true),
  })
  .strict();
export type WebhookCreateInput = z.input<typeof WebhookCreateSchema>;

export const WebhookUpdateSchema = z
  .object({
    url: fields.url.optional(),
    description: fields.description.optional(),
    events: fields.events.optional(),
    active: fields.active.optional(),
    version: z.number({ error: "Send the version you edited." }).int().positive(),
  })
  .strict();
export type WebhookUpdateInput = z.input<typeof WebhookUpdateSchema>;
