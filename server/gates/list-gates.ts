import "server-only";
import { type Actor, can } from "../../lib/permissions";
import { db } from "../db";
import { forbidden } from "../errors";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type GateDto, gateInclude, toGateDto } from "./gate-dto";
import { getHolidays } from "./review-calendar";

/** A use case's gate reviews, newest first. */
export async function listGates(actor: Actor, key: string): Promise<GateDto[]> {
  if (!can(actor, "use-case:read")) throw forbidden();
  const useCase = await findUseCaseByKey(key);
  const [rows, holidays] = await Promise.all([
    db.gateReview.findMany({
      where: { useCaseId: useCase.id },
      include: gateInclude,
      orderBy: { requestedAt: "desc" },
    }),
    getHolidays(),
  ]);
  return rows.map((row) => toGateDto(row, holidays));
}
