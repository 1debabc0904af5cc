import "server-only";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db, type Tx } from "../db";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type RiskEntryDto, riskEntryInclude, toRiskEntryDto } from "./risk-entry-dto";

/** A use case's risk register, the highest score first (then the oldest). */
export async function listRisks(actor: Actor, key: string): Promise<RiskEntryDto[]> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const rows = await db.useCaseRisk.findMany({
    where: { useCaseId: useCase.id },
    include: riskEntryInclude,
    orderBy: { createdAt: "asc" },
  });
  const names = await acceptorNames(db, rows);
  return rows
    .map((row) => toRiskEntryDto(row, names))
    .sort((a, b) => b.score - a.score || a.createdAt.localeCompare(b.createdAt));
}

/** The names of the users who accepted some of `rows`. */
export async function acceptorNames(client: Tx | typeof db, rows: readonly { acceptedById: string | null }[]) {
  const ids = [...new Set(rows.flatMap((row) => (row.acceptedById ? [row.acceptedById] : [])))];
  const users = ids.length
    ? await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  return new Map(users.map((user) => [user.id, user]));
}
