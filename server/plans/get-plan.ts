import "server-only";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type PlanDto, toPlanDto } from "./plan-dto";

/** Any reader of the use case: its plan, how each stage went against it, and the plan's history. */
export async function getPlan(actor: Actor, key: string): Promise<PlanDto> {
  requirePermission(actor, "use-case:read");
  return toPlanDto(await findUseCaseByKey(key));
}
