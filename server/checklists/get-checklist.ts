import "server-only";
import { CHECKLIST_STAGES, type ChecklistStage, isChecklistStage } from "@/lib/checklist-templates";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { DomainError } from "../errors";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type ChecklistDto, loadChecklist } from "./checklist-dto";

/**
 * A use case's checklist: the given stage's, else the current stage's, else (in
 * production) the packaging one. POC has none yet: an empty checklist of PROTOTYPE.
 */
export async function getChecklist(actor: Actor, key: string, stage?: string | null): Promise<ChecklistDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  if (stage && !(CHECKLIST_STAGES as readonly string[]).includes(stage))
    throw new DomainError("VALIDATION", "Some fields need attention.", {
      errors: [{ path: "stage", message: "Checklists exist for PROTOTYPE and PACKAGING." }],
    });
  const chosen: ChecklistStage =
    (stage as ChecklistStage | undefined) ??
    (isChecklistStage(useCase.stage) ? useCase.stage : useCase.stage === "PRODUCTION" ? "PACKAGING" : "PROTOTYPE");
  return loadChecklist(useCase, chosen);
}
