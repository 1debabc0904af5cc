import "server-only";
import { type Actor, can } from "../../lib/permissions";
import { db } from "../db";
import { forbidden } from "../errors";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type GateDto, gateInclude, toGateDto } from "./gate-dto";

/** A use case's gate reviews, newest first. */
export async function listGates(actor: Actor, key: string): Promise<GateDto[]> {
  if (!can(actor, "use-case:read")) throw forbidden();
  const useCase = await findUseCaseByKey(key);
  const rows = await db.gateReview.findMany({
    where: { useCaseId: useCase.id },
    include: gateInclude,
    orderBy: { requestedAt: "desc" },
  });
  return rows.map(toGateDto);
}
