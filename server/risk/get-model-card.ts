import "server-only";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type ModelCardDto, toModelCardDto } from "./model-card-dto";

/** A use case's model card; an empty one (version 0) when none was written. */
export async function getModelCard(actor: Actor, key: string): Promise<ModelCardDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const row = await db.modelCard.findUnique({ where: { useCaseId: useCase.id } });
  return toModelCardDto(useCase, row);
}
