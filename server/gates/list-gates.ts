import "server-only";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type GateDto, gateInclude, toGateDto } from "./gate-dto";
import { getHolidays } from "./review-calendar";

/** A use case's gate reviews, newest first. */
export async function listGates(actor: Actor, key: string): Promise<GateDto[]> {
  requirePermission(actor, "use-case:read");
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
