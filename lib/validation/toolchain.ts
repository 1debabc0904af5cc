// Inputs of the ML toolchain links: a registry connection, a linked registered model, the code
// repository, the release a gate request puts up (model version, commit), and the
// deployment-approval question a pipeline asks.
import { z } from "zod";
import { httpUrl } from "./http-url";

export const REGISTRY_AUTHS = ["NONE", "BEARER", "BASIC"] as const;
export const REGISTRY_AUTH_LABELS: Record<(typeof REGISTRY_AUTHS)[number], string> = {
  NONE: "None",
  BEARER: "Bearer token",
  BASIC: "Basic (user name and password)",
};

export const RegistryCreateSchema = z
  .object({
    name: z
      .string({ error: "The name must be text." })
      .trim()
      .min(1, { error: "Name the registry, like “MLflow production”." })
      .max(100, { error: "The name must be at most 100 characters." }),
    baseUrl: httpUrl("The base URL", "https://mlflow.example.com", "Give the base url."),
    auth: z.enum(REGISTRY_AUTHS, { error: "Choose none, Bearer token or basic." }).default("NONE"),
    username: z.string({ error: "The user name must be text." }).trim().max(200).optional(),
    secret: z.string({ error: "The token or password must be text." }).max(4000).optional(),
    /** On unless turned off: a self-signed registry must be turned off explicitly. */
    verifyTls: z.boolean({ error: "TLS verification is on or off." }).default(true),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.auth !== "NONE" && !input.secret)
      ctx.addIssue({
        code: "custom",
        path: ["secret"],
        message: input.auth === "BEARER" ? "Give the Bearer token." : "Give the password.",
      });
    if (input.auth === "BASIC" && !input.username)
      ctx.addIssue({ code: "custom", path: ["username"], message: "Give the user name." });
  });
export type RegistryCreate = z.output<typeof RegistryCreateSchema>;

/** A registered model's name in MLflow: any text but a few hundred characters at most. */
const modelName = z
  .string({ error: "The model name must be text." })
  .trim()
  .min(1, { error: "Give the registered model's name, like churn-model." })
  .max(256, { error: "The model name must be at most 256 characters." });

export const ModelLinkCreateSchema = z
  .object({
    registryId: z.string({ error: "Choose a registry." }).trim().min(1, { error: "Choose a registry." }).max(64),
    modelName,
  })
  .strict();

export const RepositorySchema = z
  .object({ url: httpUrl("The repository URL", "https://git.example.com/team/churn", "Give the repository url.") })
  .strict();

/** A commit SHA (7 to 40 hex digits; 64 for SHA-256 repositories) or a tag name (git's ref rules). */
export const COMMIT_PATTERN = /^(?:[0-9a-f]{6,40}|[0-9a-f]{64})$/i;
const TAG_PATTERN = /^(?!.*\.\.)(?!.*@\{)(?![./-])[A-Za-z0-9._\-/+]{1,100}(?<![./])$/;
export const commitRef = z
  .string({ error: "The commit must be text." })
  .trim()
  .refine((value) => COMMIT_PATTERN.test(value) || (TAG_PATTERN.test(value) && !value.endsWith(".lock")), {
    error: "Give a commit SHA (6 to 40 hex digits) or a tag, like a1b2c3d or v1.4.0.",
  });

export const modelVersion = z
  .string({ error: "The model version must be text." })
  .trim()
  .regex(/^[1-9]\d{0,9}$/, { error: "A model version is a whole number, like 7." });

/** What a gate request puts up for approval: each part optional. */
export const GateReleaseFields = {
  commit: commitRef.optional(),
  modelName: modelName.optional(),
  modelVersion: modelVersion.optional(),
};

export const DEPLOY_ENVIRONMENTS = ["production", "staging"] as const;

export const DeploymentApprovalQuerySchema = z
  .object({
    environment: z.enum(DEPLOY_ENVIRONMENTS, { error: "The environment is production or staging." }),
    modelVersion: modelVersion.optional(),
    model: modelName.optional(),
    commit: commitRef.optional(),
  })
  .strict()
  .refine((input) => input.modelVersion !== undefined || input.commit !== undefined, {
    path: ["modelVersion"],
    error: "Give the model version, the commit, or both.",
  });
export type DeploymentApprovalQuery = z.output<typeof DeploymentApprovalQuerySchema>;
