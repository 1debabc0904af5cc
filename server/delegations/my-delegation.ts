import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/permissions";
import { DelegationSchema } from "@/lib/validation/delegation";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db, type Tx } from "../db";
import { DomainError } from "../errors";
import { parseInput } from "../http/parse-input";
import type { MyDelegationResponse } from "../openapi/schemas/delegations";
import { currentWhere, delegationInclude, inForceWhere, toDelegationDto } from "./delegation-dto";

export type MyDelegation = z.infer<typeof MyDelegationResponse>;

/** The actor's own delegation, and whom they may vote for today. */
export async function getMyDelegation(actor: Actor): Promise<MyDelegation> {
  requirePermission(actor, "delegation:manage-own");
  const [mine, actingFor] = await Promise.all([
    db.delegation.findFirst({
      where: { userId: actor.id, ...currentWhere() },
      include: delegationInclude,
      orderBy: { createdAt: "desc" },
    }),
    db.delegation.findMany({
      where: { delegateId: actor.id, ...inForceWhere(), user: { active: true } },
      include: delegationInclude,
      orderBy: { from: "asc" },
    }),
  ]);
  return { delegation: mine ? toDelegationDto(mine) : null, actingFor: actingFor.map((row) => toDelegationDto(row)) };
}

/**
 * Set the actor's out-of-office delegate for a date range (replacing the current delegation), or
 * end it with `{ delegateId: null }`. The delegate must be another active user holding the same
 * role. Audited: `delegation.set`, `delegation.end`.
 */
export async function setMyDelegation(actor: Actor, input: unknown): Promise<MyDelegation> {
  requirePermission(actor, "delegation:manage-own");
  const data = parseInput(DelegationSchema, input);
  if (data.delegateId !== null) {
    const issue = (message: string) =>
      new DomainError("VALIDATION", "Some fields need attention.", { errors: [{ path: "delegateId", message }] });
    if (data.delegateId === actor.id) throw issue("Choose someone else: you cannot be your own delegate.");
    const delegate = await db.user.findUnique({ where: { id: data.delegateId }, select: { role: true, active: true } });
    if (!delegate?.active) throw issue("Choose an active user.");
    if (delegate.role !== actor.role) throw issue("Your delegate must hold your role, to decide what you decide.");
  }
  await db.$transaction(async (tx) => {
    // One user's delegations change one at a time.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.id} FOR UPDATE`;
    await endCurrent(tx, actor, actor.id);
    if (data.delegateId === null) return;
    const created = await tx.delegation.create({
      data: {
        userId: actor.id,
        delegateId: data.delegateId,
        from: new Date(`${data.from}T00:00:00Z`),
        to: new Date(`${data.to}T00:00:00Z`),
      },
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "delegation.set",
      entity: "Delegation",
      entityId: created.id,
      after: { userId: actor.id, delegateId: data.delegateId, from: data.from ?? null, to: data.to ?? null },
      useCaseId: null,
    });
  });
  return getMyDelegation(actor);
}

/** End the user's current delegations (audited one by one). */
async function endCurrent(tx: Tx, actor: Actor, userId: string): Promise<void> {
  const current = await tx.delegation.findMany({ where: { userId, ...currentWhere() }, select: { id: true } });
  for (const row of current) await endOne(tx, actor, row.id);
}

/** End one delegation now; false when it was already ended. */
export async function endOne(tx: Tx, actor: Actor, id: string): Promise<boolean> {
  const { count } = await tx.delegation.updateMany({
    where: { id, endedAt: null },
    data: { endedAt: new Date(), endedById: actor.id },
  });
  if (count === 0) return false;
  await recordEvent(tx, {
    actorId: actor.id,
    action: "delegation.end",
    entity: "Delegation",
    entityId: id,
    after: { endedBy: actor.id },
    useCaseId: null,
  });
  return true;
}

/** Who may stand in for the actor: the other active users holding the actor's role, by name. */
export async function delegateCandidates(actor: Actor): Promise<{ id: string; name: string }[]> {
  requirePermission(actor, "delegation:manage-own");
  return db.user.findMany({
    where: { role: actor.role, active: true, id: { not: actor.id } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}
