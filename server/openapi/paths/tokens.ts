// API tokens: the caller's own, and (ADMIN) any user's. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import { ApiTokenCreateSchema } from "@/lib/validation/api-token";
import type { Endpoint } from "../endpoint";
import { ApiTokenCreatedResponse, ApiTokenResponse } from "../schemas/tokens";

export const TOKEN_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/tokens",
    operationId: "listApiTokens",
    summary: "List your API tokens",
    description: "Never the secrets: only their first characters.",
    tag: "Tokens",
    success: {
      status: 200,
      description: "Your tokens, newest first.",
      schema: z.object({ items: z.array(ApiTokenResponse) }),
    },
    errors: [401, 403],
  },
  {
    method: "POST",
    path: "/api/v1/tokens",
    operationId: "createApiToken",
    summary: "Create an API token",
    description:
      "It acts as you, with your role, within its `scope` (`read-only`: GET only; default `read-write`), until it expires (`expiresInDays`, default 90, at most 365). The secret is in this answer only. Needs a browser session signed in within the last 15 minutes: an API token cannot create tokens (403), nor can an older session (403: sign in again). Scripts and operators use the CLI `token:create`.",
    tag: "Tokens",
    sessionOnly: true,
    body: { schema: ApiTokenCreateSchema },
    success: { status: 201, description: "The new token, with its secret.", schema: ApiTokenCreatedResponse },
    errors: [400, 401, 403, 409, 413, 422],
  },
  {
    method: "DELETE",
    path: "/api/v1/tokens/{id}",
    operationId: "revokeApiToken",
    summary: "Revoke one of your API tokens",
    description: "Takes effect at once: the next request with it gets 401.",
    tag: "Tokens",
    success: { status: 200, description: "The token, revoked.", schema: ApiTokenResponse },
    errors: [401, 403, 404],
  },
  {
    method: "GET",
    path: "/api/v1/users/{id}/tokens",
    operationId: "listUserApiTokens",
    summary: "List a user's API tokens",
    description: "ADMIN. Never the secrets: only their first characters. Revoked and expired tokens too.",
    tag: "Tokens",
    success: {
      status: 200,
      description: "The user's tokens, newest first.",
      schema: z.object({ items: z.array(ApiTokenResponse) }),
    },
    errors: [401, 403, 404],
  },
  {
    method: "DELETE",
    path: "/api/v1/users/{id}/tokens/{tokenId}",
    operationId: "revokeUserApiToken",
    summary: "Revoke a user's API token",
    description:
      "ADMIN. Takes effect at once: the next request with it gets 401. Revoking a revoked token answers it as is.",
    tag: "Tokens",
    success: { status: 200, description: "The token, revoked.", schema: ApiTokenResponse },
    errors: [401, 403, 404],
  },
];
