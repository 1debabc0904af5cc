import "server-only";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError, notFound, requireFindableId } from "../errors";
import { currentWhere, type DelegationDto, delegationInclude, toDelegationDto } from "./delegation-dto";
import { endOne } from "./my-delegation";

/** Every current delegation (in force or planned), soonest first: what an admin oversees. */
export async function listDelegations(actor: Actor): Promise<DelegationDto[]> {
  requirePermission(actor, "delegation:manage-any", "Only an admin sees every delegation.");
  const rows = await db.delegation.findMany({
    where: currentWhere(),
    include: delegationInclude,
    orderBy: [{ from: "asc" }, { createdAt: "asc" }],
    take: 500,
  });
  return rows.map((row) => toDelegationDto(row));
}

/** An admin ends anyone's delegation (audited `delegation.end`). */
export async function endDelegation(actor: Actor, id: string): Promise<DelegationDto> {
  requirePermission(actor, "delegation:manage-any", "Only an admin ends another user's delegation.");
  requireFindableId(id, "Delegation");
  return db.$transaction(async (tx) => {
    const found = await tx.delegation.findUnique({ where: { id }, select: { id: true } });
    if (!found) throw notFound("Delegation");
    if (!(await endOne(tx, actor, id))) throw new DomainError("CONFLICT", "This delegation has already ended.");
    return toDelegationDto(await tx.delegation.findUniqueOrThrow({ where: { id }, include: delegationInclude }));
  });
}
