import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";
import { deleteChatChannel, updateChatChannel } from "@/server/webhooks/chat-channels";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** `{ version, name?, url?, events?, active? }`: 409 when the version is stale. */
export const PATCH = apiRoute<Params>(async ({ request, actor, params }) =>
  json(await updateChatChannel(actor, params.id, await readJson(request))),
);

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteChatChannel(actor, params.id);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, OPTIONS } = otherMethods({ PATCH, DELETE });
