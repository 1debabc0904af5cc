import { createMyApiToken, listMyApiTokens } from "@/server/auth/my-api-tokens";
import { apiRoute, json, readJson } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

/** The caller's own API tokens (never their secrets). */
export const GET = apiRoute(async ({ actor }) => json({ items: await listMyApiTokens(actor) }));

/** A new token for the caller: 201 with `token`, shown this once. */
export const POST = apiRoute(async ({ request, actor }) =>
  json(await createMyApiToken(actor, await readJson(request)), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
