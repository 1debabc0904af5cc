import { revokeMyApiToken } from "@/server/auth/my-api-tokens";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

/** Revoke one of the caller's tokens: 200 with the token as revoked. */
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) =>
  json(await revokeMyApiToken(actor, params.id)),
);

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
