// Response schemas: aPI tokens.
// The single declaration of these response shapes: the DTO types of server/ are inferred from
// them (z.infer). Not validated at run time; a shape built elsewhere is checked below.
import "server-only";
import { z } from "zod";
import type { createMyApiToken } from "../../auth/my-api-tokens";
import { dateTime, type Equal } from "./common";

export const ApiTokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().meta({ description: "The token's first characters, to recognise it." }),
  scope: z.enum(["read-only", "read-write", "deploy:check"]).meta({
    description: "read-only: GET only; read-write: as its user; deploy:check: the deployment-approval check only.",
  }),
  createdAt: dateTime,
  expiresAt: dateTime.meta({ description: "From this instant the token is refused (401)." }),
  lastUsedAt: dateTime.nullable(),
  revokedAt: dateTime.nullable(),
});

export const ApiTokenCreatedResponse = ApiTokenResponse.extend({
  token: z.string().meta({ description: "The secret: shown in this answer only." }),
});

/** Fails to compile when a response schema and its DTO type drift apart. */
export const TOKENS_SCHEMAS_MATCH_DTOS: {
  ApiTokenCreated: Equal<z.infer<typeof ApiTokenCreatedResponse>, Awaited<ReturnType<typeof createMyApiToken>>>;
} = {
  ApiTokenCreated: true,
};
