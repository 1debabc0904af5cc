import "server-only";
import type { RegistryConnection } from "@/generated/prisma/client";

/** A registry connection as the API shows it: never the secret, only whether there is one. */
export type RegistryDto = {
  id: string;
  name: string;
  kind: "MLFLOW";
  baseUrl: string;
  auth: "NONE" | "BEARER" | "BASIC";
  username: string | null;
  hasSecret: boolean;
  verifyTls: boolean;
  version: number;
  createdAt: string;
};

export function toRegistryDto(row: RegistryConnection): RegistryDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    baseUrl: row.baseUrl,
    auth: row.auth,
    username: row.username,
    hasSecret: Boolean(row.secret),
    verifyTls: row.verifyTls,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
