import { revokeUserApiToken } from "@/server/auth/user-api-tokens";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

/** ADMIN: revoke one of a user's tokens: 200 with the token as revoked. */
export const DELETE = apiRoute<{ id: string; tokenId: string }>(async ({ actor, params }) =>
  json(await revokeUserApiToken(actor, params.id, params.tokenId)),
);

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
