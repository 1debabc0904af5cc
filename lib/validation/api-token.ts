import { z } from "zod";

/**
 * What a token may do: read-only answers GET/HEAD only; read-write acts with the user's role;
 * deploy:check may call the deployment-approval check only (for CI/CD pipelines).
 */
export const API_TOKEN_SCOPES = ["read-only", "read-write", "deploy:check"] as const;
export type ApiTokenScopeName = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

export const ApiTokenScopeSchema = z.enum(API_TOKEN_SCOPES, {
  error: "The scope is read-only, read-write or deploy:check.",
});

export const ApiTokenExpiresInDaysSchema = z
  .number({ error: `The lifetime is a whole number of days, 1 to ${API_TOKEN_MAX_DAYS}.` })
  .int({ error: `The lifetime is a whole number of days, 1 to ${API_TOKEN_MAX_DAYS}.` })
  .min(1, { error: "A token lives at least 1 day." })
  .max(API_TOKEN_MAX_DAYS, { error: `A token lives at most ${API_TOKEN_MAX_DAYS} days (one year).` });

export const ApiTokenCreateSchema = z
  .object({
    name: z
      .string({ error: "Give the token a name." })
      .trim()
      .min(1, { error: "Give the token a name, like “Jenkins deploy job”." })
      .max(100, { error: "The name must be at most 100 characters." }),
    /** Default read-write: a token acts with its user's role, as tokens always have. */
    scope: ApiTokenScopeSchema.default("read-write"),
    expiresInDays: ApiTokenExpiresInDaysSchema.default(API_TOKEN_DEFAULT_DAYS),
  })
  .strict();
export type ApiTokenCreate = z.output<typeof ApiTokenCreateSchema>;
