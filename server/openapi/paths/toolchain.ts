// The ML toolchain endpoints of the OpenAPI document: model registry connections (ADMIN),
// registered models linked to a use case, its code repository, and the deployment-approval
// check that CI/CD pipelines call (docs/integrations.md). Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import {
  DeploymentApprovalQuerySchema,
  ModelLinkCreateSchema,
  RegistryCreateSchema,
  RepositorySchema,
} from "@/lib/validation/toolchain";
import type { Endpoint } from "../endpoint";
import {
  DeploymentApprovalResponse,
  ModelLinkResponse,
  RegistryResponse,
  RepositoryResponse,
} from "../schemas/toolchain";

export const TOOLCHAIN_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/registries",
    operationId: "listRegistries",
    summary: "List model registry connections",
    description: "ADMIN. Never the token or password.",
    tag: "Toolchain",
    success: { status: 200, description: "The connections.", schema: z.array(RegistryResponse) },
    errors: [401, 403],
  },
  {
    method: "POST",
    path: "/api/v1/registries",
    operationId: "createRegistry",
    summary: "Connect a model registry",
    description:
      "ADMIN. MLflow (REST API 2.0). The base URL must pass the health probe's address policy (checked again on every call); `auth` is NONE, BEARER (`secret` = the token) or BASIC (`username`, `secret` = the password); the secret is encrypted at rest. TLS is verified unless `verifyTls: false`.",
    tag: "Toolchain",
    body: { schema: RegistryCreateSchema },
    success: { status: 201, description: "The connection.", schema: RegistryResponse },
    errors: [400, 401, 403, 413, 422],
  },
  {
    method: "DELETE",
    path: "/api/v1/registries/{id}",
    operationId: "deleteRegistry",
    summary: "Remove a registry connection",
    description: "ADMIN. Its model links go with it.",
    tag: "Toolchain",
    success: { status: 204, description: "Removed." },
    errors: [401, 403, 404],
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/models",
    operationId: "listModelLinks",
    summary: "The use case's registered models, as last synced",
    tag: "Toolchain",
    success: { status: 200, description: "The linked models.", schema: z.array(ModelLinkResponse) },
    errors: [401, 403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/models",
    operationId: "linkModel",
    summary: "Link a registered model",
    description:
      "The owner, IT or an admin. The model is read at once (versions with paging, aliases, source runs and metrics); a registry that is down leaves it unread, never an error.",
    tag: "Toolchain",
    body: { schema: ModelLinkCreateSchema },
    success: { status: 201, description: "The link.", schema: ModelLinkResponse },
    errors: [400, 401, 403, 404, 413, 422],
  },
  {
    method: "DELETE",
    path: "/api/v1/use-cases/{key}/models/{id}",
    operationId: "unlinkModel",
    summary: "Unlink a registered model",
    tag: "Toolchain",
    success: { status: 204, description: "Unlinked." },
    errors: [401, 403, 404],
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/models/sync",
    operationId: "syncModels",
    summary: "Read the linked models from their registries now",
    description: "Any signed-in user. A registry that is down, slow or refused marks its links STALE (still 200).",
    tag: "Toolchain",
    success: { status: 200, description: "The linked models.", schema: z.array(ModelLinkResponse) },
    errors: [401, 403, 404],
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/repository",
    operationId: "getRepository",
    summary: "The use case's code repository",
    tag: "Toolchain",
    success: { status: 200, description: "The repository (url null when none).", schema: RepositoryResponse },
    errors: [401, 403, 404],
  },
  {
    method: "PUT",
    path: "/api/v1/use-cases/{key}/repository",
    operationId: "setRepository",
    summary: "Link the code repository",
    description: "The owner, IT or an admin. Any Git host's http(s) URL; no network call is made.",
    tag: "Toolchain",
    body: { schema: RepositorySchema },
    success: { status: 200, description: "The repository.", schema: RepositoryResponse },
    errors: [400, 401, 403, 404, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/deployment-approval",
    operationId: "checkDeploymentApproval",
    summary: "May this model version / commit be deployed?",
    description:
      "For CI/CD pipelines (docs/integrations.md); the one endpoint a `deploy:check` token may call. `allowed` only when the use case is in the stage the environment needs (production: PRODUCTION; staging: PACKAGING or PRODUCTION), active (not paused or stopped), and a passing gate (go, or go with conditions) approved a release matching everything asked: `modelVersion` (of `model`, when named) and `commit` (a SHA matches its abbreviation). Always 200 for a well-formed question; every answer is recorded in the audit trail.",
    tag: "Toolchain",
    query: DeploymentApprovalQuerySchema,
    success: { status: 200, description: "The answer.", schema: DeploymentApprovalResponse },
    errors: [401, 403, 404, 422],
  },
];
