import "server-only";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { priorityOf } from "../priority/priority-of";
import { findUseCaseByKey } from "./find-use-case";
import { toUseCaseDto, type UseCaseDto, useCaseInclude } from "./use-case-dto";

export async function getUseCase(actor: Actor, key: string): Promise<UseCaseDto> {
  requirePermission(actor, "use-case:read");
  const row = await findUseCaseByKey(key, db, useCaseInclude);
  return toUseCaseDto(row, await priorityOf(row.id));
}
