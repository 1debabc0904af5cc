import "server-only";
import type { z } from "zod";
import type { RegistryConnection } from "@/generated/prisma/client";
import type { RegistryResponse } from "../openapi/schemas/toolchain";

/** A registry connection as the API shows it: never the secret, only whether there is one. */
export type RegistryDto = z.infer<typeof RegistryResponse>;

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
