import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/permissions";
import { ChatChannelCreateSchema, ChatChannelUpdateSchema, type ChatTool } from "@/lib/validation/chat-channel";
import { changedFields, recordEvent } from "../audit/record-event";
import { db } from "../db";
import { DomainError, notFound, requireFindableId } from "../errors";
import { parseInput } from "../http/parse-input";
import type { ChatChannelResponse } from "../openapi/schemas/webhooks";
import { checkWebhookUrl } from "./check-url";
import { assertCanManageWebhooks } from "./manage-webhooks";
import { sealSecret } from "./secret-box";
import { webhookInclude } from "./webhook-dto";

// Chat channels are webhooks of kind SLACK or TEAMS: the same outbox, retries and address
// policy, a message formatted for the tool (chat-message.ts). The incoming-webhook URL is the
// channel's secret (anyone holding it may post), so it is sealed like a signing secret and only
// its shown form (host and first path segment) is kept readable.

export type ChatChannelDto = z.infer<typeof ChatChannelResponse>;

const CHAT_KINDS = ["SLACK", "TEAMS"] as const;
const chatInclude = {
  ...webhookInclude,
  deliveries: {
    select: { status: true, createdAt: true, lastError: true },
    orderBy: { createdAt: "desc" },
    take: 1,
  },
} as const;

/** "https://hooks.slack.com/services/…": enough to recognise the channel, nothing to post with. */
export function shownUrl(url: string): string {
  const parsed = new URL(url);
  const first = parsed.pathname.split("/").filter(Boolean)[0];
  return `${parsed.origin}/${first ? `${first}/…` : "…"}`;
}

type ChannelRow = {
  id: string;
  kind: "SIGNED" | "SLACK" | "TEAMS";
  url: string;
  description: string;
  events: string[];
  active: boolean;
  version: number;
  createdAt: Date;
  deliveries: { status: "PENDING" | "SUCCEEDED" | "FAILED"; createdAt: Date; lastError: string | null }[];
};

function toChatChannelDto(row: ChannelRow): ChatChannelDto {
  const last = row.deliveries[0];
  return {
    id: row.id,
    tool: row.kind as ChatTool,
    name: row.description,
    shownUrl: row.url,
    events: row.events,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    lastDelivery: last ? { status: last.status, at: last.createdAt.toISOString(), error: last.lastError } : null,
  };
}

/** What the audit trail keeps of a channel: never its URL. */
const pick = (row: { kind: string; description: string; url: string; events: string[]; active: boolean }) => ({
  tool: row.kind,
  name: row.description,
  shownUrl: row.url,
  events: row.events,
  active: row.active,
});

export async function listChatChannels(actor: Actor): Promise<ChatChannelDto[]> {
  assertCanManageWebhooks(actor);
  const rows = await db.webhook.findMany({
    where: { kind: { in: [...CHAT_KINDS] } },
    include: chatInclude,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toChatChannelDto);
}

/** Add a Slack or Teams channel: its URL must pass the address policy, and is stored sealed. */
export async function createChatChannel(actor: Actor, input: unknown): Promise<ChatChannelDto> {
  assertCanManageWebhooks(actor);
  const data = parseInput(ChatChannelCreateSchema, input);
  await checkWebhookUrl(data.url);
  return db.$transaction(async (tx) => {
    const row = await tx.webhook.create({
      data: {
        kind: data.tool,
        url: shownUrl(data.url),
        secret: sealSecret(data.url),
        description: data.name,
        events: data.events,
        active: data.active,
        createdById: actor.id,
      },
      include: chatInclude,
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "chat-channel.create",
      entity: "Webhook",
      entityId: row.id,
      after: pick(row),
      useCaseId: null,
    });
    return toChatChannelDto(row);
  });
}

async function findChannel(id: string) {
  requireFindableId(id, "Chat channel");
  const row = await db.webhook.findFirst({ where: { id, kind: { in: [...CHAT_KINDS] } } });
  if (!row) throw notFound("Chat channel");
  return row;
}

/** Edit with the version it started from (409 when stale); a new URL is checked and sealed. */
export async function updateChatChannel(actor: Actor, id: string, input: unknown): Promise<ChatChannelDto> {
  assertCanManageWebhooks(actor);
  const existing = await findChannel(id);
  const { version, name, url, ...rest } = parseInput(ChatChannelUpdateSchema, input);
  if (url !== undefined) await checkWebhookUrl(url);
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({
      where: { id, version },
      data: {
        ...rest,
        ...(name !== undefined ? { description: name } : {}),
        ...(url !== undefined ? { url: shownUrl(url), secret: sealSecret(url) } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const current = await tx.webhook.findUniqueOrThrow({ where: { id }, include: chatInclude });
      throw new DomainError("CONFLICT", "Someone else changed this channel after you opened it.", {
        current: toChatChannelDto(current),
      });
    }
    const row = await tx.webhook.findUniqueOrThrow({ where: { id }, include: chatInclude });
    // A new URL shows as `urlReplaced`, never as the URL.
    const changes = changedFields(
      { ...pick(existing), urlReplaced: false },
      { ...pick(row), urlReplaced: url !== undefined },
    );
    await recordEvent(tx, {
      actorId: actor.id,
      action: "chat-channel.update",
      entity: "Webhook",
      entityId: id,
      ...changes,
      useCaseId: null,
    });
    return toChatChannelDto(row);
  });
}

/** Remove a channel with its delivery log (pending messages are dropped). */
export async function deleteChatChannel(actor: Actor, id: string): Promise<void> {
  assertCanManageWebhooks(actor);
  const existing = await findChannel(id);
  await db.$transaction(async (tx) => {
    await tx.webhook.delete({ where: { id } });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "chat-channel.delete",
      entity: "Webhook",
      entityId: id,
      before: pick(existing),
      useCaseId: null,
    });
  });
}
