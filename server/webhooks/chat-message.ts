import "server-only";
import { DECISION_LABELS, type Decision, STAGE_LABELS, type Stage } from "@/lib/lifecycle";
import type { WebhookPayload } from "./enqueue";

// One event as a chat message: a title, a detail line and the page it is about, then in each
// tool's format: Slack Block Kit (docs.slack.dev, "Sending messages using incoming webhooks")
// and a Microsoft Teams Adaptive Card in a message (learn.microsoft.com, "Create and send
// messages" for incoming webhooks and Workflows).

export type ChatText = { title: string; detail: string; path: string };

type Data = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" ? value : value == null ? "" : String(value));
const subjectOf = (data: Data) => {
  const useCase = (data.useCase ?? {}) as { key?: string; title?: string };
  return { key: text(useCase.key), title: text(useCase.title) };
};
const stage = (value: unknown) => STAGE_LABELS[value as Stage] ?? text(value);

/** What a delivery says, in words, for people. */
export function chatText(event: string, data: Data): ChatText {
  const { key, title } = subjectOf(data);
  const named = `${key} “${title}”`;
  switch (event) {
    case "gate.requested":
      return {
        title: `${named} waits for a ${text(data.gate)} decision`,
        detail: `${stage(data.fromStage)} → ${stage(data.toStage)}${data.note ? `: ${text(data.note)}` : ""}`,
        path: `/use-cases/${key}#gates`,
      };
    case "gate.decided":
      return {
        title: `${named}: ${text(data.gate)} decided, ${DECISION_LABELS[data.decision as Decision] ?? text(data.decision)}`,
        detail: text(data.rationale),
        path: `/use-cases/${key}#gates`,
      };
    case "condition.due":
      return {
        title: `A condition on ${named} is due`,
        detail: `${text(data.text)} (due ${text(data.dueOn)}, owner ${text(data.owner)})`,
        path: `/use-cases/${key}#gates`,
      };
    case "service.down":
      return {
        title: `${text(data.name)} of ${named} is down`,
        detail: text(data.reason) || "No answer.",
        path: `/use-cases/${key}#services`,
      };
    case "registry.drift":
      return {
        title: `${text(data.model)} of ${named}: @${text(data.alias)} points to v${text(data.version)}, which no gate approved`,
        detail: `Approved: ${((data.approvedVersions as unknown[]) ?? []).map((v) => `v${text(v)}`).join(", ")}. Request a gate review of v${text(data.version)}, or move @${text(data.alias)} back.`,
        path: `/use-cases/${key}/toolchain`,
      };
    case "ping":
      return {
        title: "Roadbook test message",
        detail: "This channel is connected: it will get the events chosen in Roadbook.",
        path: "/admin/chat-channels",
      };
    default:
      return { title: `${named}: ${event}`, detail: "", path: key ? `/use-cases/${key}` : "/" };
  }
}

/** Slack's mrkdwn escapes only &, < and > (its "Formatting text" reference). */
const slackEscape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Slack incoming-webhook body: `text` (the notification's fallback) and blocks with a link back. */
export function slackMessage(message: ChatText, link: string | null) {
  const body = `*${slackEscape(message.title)}*${message.detail ? `\n${slackEscape(message.detail)}` : ""}`;
  return {
    text: message.title,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: body } },
      ...(link
        ? [
            {
              type: "actions",
              elements: [{ type: "button", text: { type: "plain_text", text: "Open in Roadbook" }, url: link }],
            },
          ]
        : []),
    ],
  };
}

/** A Teams incoming-webhook (or Workflows) body: one Adaptive Card 1.2 with a link back. */
export function teamsMessage(message: ChatText, link: string | null) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.2",
          body: [
            { type: "TextBlock", text: message.title, weight: "Bolder", size: "Medium", wrap: true },
            ...(message.detail ? [{ type: "TextBlock", text: message.detail, wrap: true }] : []),
          ],
          ...(link ? { actions: [{ type: "Action.OpenUrl", title: "Open in Roadbook", url: link }] } : {}),
        },
      },
    ],
  };
}

/** The body a chat channel gets for a delivery; links are absolute when the public URL is known. */
export function chatBody(tool: "SLACK" | "TEAMS", payload: WebhookPayload, publicUrl: string | null): string {
  const message = chatText(payload.event, payload.data);
  const link = publicUrl ? `${publicUrl.replace(/\/+$/, "")}${message.path}` : null;
  return JSON.stringify(tool === "SLACK" ? slackMessage(message, link) : teamsMessage(message, link));
}
