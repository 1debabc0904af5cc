import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { createChatChannel, listChatChannels } from "@/server/webhooks/chat-channels";

export const dynamic = "force-dynamic";

/** ADMIN: the Slack and Teams channels (never their URLs). */
export const GET = apiRoute(async ({ actor }) => json(await listChatChannels(actor)));

/** ADMIN: `{ tool, name, url, events?, active? }` -> 201. */
export const POST = apiRoute(async ({ request, actor }) =>
  json(await createChatChannel(actor, await readJson(request)), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
