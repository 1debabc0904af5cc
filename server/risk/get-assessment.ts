import "server-only";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type AssessmentDto, toAssessmentDto } from "./assessment-dto";

/** A use case's risk screening; an empty draft of the current template when none was started. */
export async function getAssessment(actor: Actor, key: string): Promise<AssessmentDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const row = await db.riskAssessment.findUnique({ where: { useCaseId: useCase.id } });
  return toAssessmentDto(useCase, row);
}
