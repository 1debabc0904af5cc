// Response schemas of the ML toolchain endpoints (registries, linked models, the code
// repository, the deployment-approval check): the single declaration of these shapes, the DTO
// types of server/registry are inferred from them (z.infer).
import "server-only";
import { z } from "zod";
import { dateTime } from "./common";

export const RegistryResponse = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["MLFLOW"]),
  baseUrl: z.string(),
  auth: z.enum(["NONE", "BEARER", "BASIC"]),
  username: z.string().nullable(),
  hasSecret: z.boolean().meta({ description: "Whether a token or password is stored (it is never shown)." }),
  verifyTls: z.boolean(),
  version: z.number().int(),
  createdAt: dateTime,
});

const ModelVersionResponse = z.object({
  version: z.string().meta({ examples: ["7"] }),
  status: z.string().meta({ description: "READY, PENDING_REGISTRATION or FAILED_REGISTRATION." }),
  runId: z.string().nullable().meta({ description: "The source run." }),
  aliases: z.array(z.string()).meta({ examples: [["champion"]] }),
  metrics: z.record(z.string(), z.number()).meta({ description: "The source run's metrics (latest value per key)." }),
  createdAt: dateTime.nullable(),
});

export const ModelLinkResponse = z.object({
  id: z.string(),
  registry: z.object({ id: z.string(), name: z.string() }),
  modelName: z.string(),
  syncStatus: z.enum(["NEVER", "FRESH", "STALE"]).meta({
    description:
      "FRESH: the last sync worked; STALE: it failed and the versions are as of `lastSyncedAt`; NEVER: not read yet.",
  }),
  syncError: z.string().nullable(),
  lastSyncedAt: dateTime.nullable(),
  lastTriedAt: dateTime.nullable(),
  versions: z.array(ModelVersionResponse).meta({ description: "Newest first." }),
  aliases: z.record(z.string(), z.string()).meta({ examples: [{ champion: "7" }] }),
  drift: z.object({ version: z.string(), since: dateTime }).nullable().meta({
    description:
      "Set when `@champion` points to a version no passing gate approved (once a gate approved one): the version and since when.",
  }),
});

export const RepositoryResponse = z.object({ url: z.string().nullable(), updatedAt: dateTime.nullable() });

export const DeploymentApprovalResponse = z.object({
  allowed: z.boolean().meta({ description: "Deploy only when true." }),
  reasons: z.array(z.string()).meta({ description: "Why not (empty when allowed)." }),
  approvedAt: dateTime.nullable(),
  gate: z
    .string()
    .nullable()
    .meta({ examples: ["G3"] }),
  modelVersion: z.string().nullable(),
  commit: z.string().nullable(),
});
