// Inputs of chat channels: Slack and Microsoft Teams incoming webhooks that get chosen events
// as messages formatted for the tool.
import { z } from "zod";
import { httpUrl } from "./http-url";
import type { WebhookEvent } from "./webhook";

export const CHAT_TOOLS = ["SLACK", "TEAMS"] as const;
export type ChatTool = (typeof CHAT_TOOLS)[number];
export const CHAT_TOOL_LABELS: Record<ChatTool, string> = { SLACK: "Slack", TEAMS: "Microsoft Teams" };

/** The events a chat channel may get (a subset of the webhook events), in this order. */
export const CHAT_EVENTS = [
  "gate.requested",
  "gate.decided",
  "condition.due",
  "service.down",
  "registry.drift",
] as const satisfies readonly WebhookEvent[];
export type ChatEvent = (typeof CHAT_EVENTS)[number];

export const CHAT_EVENT_LABELS: Record<ChatEvent, string> = {
  "gate.requested": "A review is waiting",
  "gate.decided": "A review is decided",
  "condition.due": "A condition is due",
  "service.down": "A service goes down",
  "registry.drift": "A model's @champion drifts from its approval",
};

const fields = {
  name: z
    .string({ error: "The name must be text." })
    .trim()
    .min(1, { error: "Name the channel, like #ml-releases." })
    .max(200, { error: "The name must be at most 200 characters." }),
  url: httpUrl(
    "The webhook URL",
    "https://hooks.slack.com/services/T000/B000/XXXX",
    "Paste the incoming-webhook URL the tool gave you.",
  ),
  events: z
    .array(z.enum(CHAT_EVENTS, { error: `Events are among ${CHAT_EVENTS.join(", ")}.` }), {
      error: "Choose the events to send.",
    })
    .min(1, { error: "Choose at least one event." })
    .max(CHAT_EVENTS.length * 2, { error: "Too many events." })
    .transform((events) => CHAT_EVENTS.filter((event) => events.includes(event))),
  active: z.boolean({ error: "Active must be true or false." }),
};

export const ChatChannelCreateSchema = z
  .object({
    tool: z.enum(CHAT_TOOLS, { error: "The tool is SLACK or TEAMS." }),
    name: fields.name,
    url: fields.url,
    events: fields.events.default([...CHAT_EVENTS]),
    active: fields.active.default(true),
  })
  .strict();
export type ChatChannelCreateInput = z.input<typeof ChatChannelCreateSchema>;

export const ChatChannelUpdateSchema = z
  .object({
    name: fields.name.optional(),
    url: fields.url.optional(),
    events: fields.events.optional(),
    active: fields.active.optional(),
    version: z.number({ error: "Send the version you edited." }).int().positive(),
  })
  .strict();
export type ChatChannelUpdateInput = z.input<typeof ChatChannelUpdateSchema>;
