import { listUserApiTokens } from "@/server/auth/user-api-tokens";
import { apiRoute, json } from "@/server/http/api-route";
import { otherMethods } from "@/server/http/other-methods";

export const dynamic = "force-dynamic";

/** ADMIN: a user's API tokens (never their secrets), revoked and expired ones too. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) =>
  json({ items: (await listUserApiTokens(actor, params.id)).items }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
