import "server-only";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { PlanSchema } from "@/lib/validation/plan";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError } from "../errors";
import { parseInput } from "../http/parse-input";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { type PlanDto, targetsOf, toPlanDto } from "./plan-dto";

const staleVersion = (current: PlanDto) =>
  new DomainError("CONFLICT", "Someone else changed this plan after you opened it. Reload to see their changes.", {
    current,
  });

const asDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

/**
 * Replace a use case's plan (the owner or sponsor, BUSINESS, or an admin). The input carries the
 * plan's version it started from (0 before the first plan); when another save came first,
 * nothing is written and a CONFLICT carries the current plan. Each save adds a revision (the
 * history) and an audit event with the targets before and after, in one transaction.
 */
export async function setPlan(actor: Actor, key: string, input: unknown): Promise<PlanDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  requirePermission(
    actor,
    "plan:update",
    useCase,
    "The plan is set by the use case's owner or sponsor, the business, or an admin.",
  );
  const { version, ...targets } = parseInput(PlanSchema, input);
  const columns = {
    prototypeOn: asDate(targets.prototype),
    packagingOn: asDate(targets.packaging),
    productionOn: asDate(targets.production),
  };

  return db.$transaction(async (tx) => {
    await lockUseCase(tx, useCase.id);
    const row = await tx.useCasePlan.findUnique({ where: { useCaseId: useCase.id } });
    if ((row?.version ?? 0) !== version) throw staleVersion(await toPlanDto(useCase, tx));
    if (row)
      await tx.useCasePlan.update({
        where: { useCaseId: useCase.id },
        data: { ...columns, version: { increment: 1 } },
      });
    else await tx.useCasePlan.create({ data: { useCaseId: useCase.id, ...columns } });
    await tx.planRevision.create({ data: { useCaseId: useCase.id, authorId: actor.id, ...columns } });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "plan.update",
      entity: "UseCasePlan",
      entityId: useCase.id,
      useCaseId: useCase.id,
      before: row ? targetsOf(row) : null,
      after: { useCase: formatKey(useCase.number), ...targets },
    });
    return toPlanDto(useCase, tx);
  });
}
