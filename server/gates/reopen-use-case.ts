import "server-only";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { ReopenSchema } from "@/lib/validation/gate";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError } from "../errors";
import { parseInput } from "../http/parse-input";
import { notify } from "../notifications/notify";
import { priorityOf } from "../priority/priority-of";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { toUseCaseDto, type UseCaseDto, useCaseInclude } from "../use-cases/use-case-dto";

/** A STOP is final unless an admin reopens the use case, with a reason kept in the audit trail. */
export async function reopenUseCase(actor: Actor, key: string, input: unknown): Promise<UseCaseDto> {
  requirePermission(actor, "use-case:reopen", "Only an admin may reopen a stopped use case.");
  const found = await findUseCaseByKey(key);
  const { reason } = parseInput(ReopenSchema, input);
  return db.$transaction(async (tx) => {
    await lockUseCase(tx, found.id);
    const useCase = await tx.useCase.findUniqueOrThrow({ where: { id: found.id } });
    if (useCase.status !== "STOPPED")
      throw new DomainError("CONFLICT", `${formatKey(useCase.number)} is not stopped, so there is nothing to reopen.`);
    const row = await tx.useCase.update({
      where: { id: useCase.id },
      data: { status: "ACTIVE", version: { increment: 1 } },
      include: useCaseInclude,
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "use-case.reopen",
      entity: "UseCase",
      entityId: useCase.id,
      before: { status: "STOPPED" },
      after: { status: "ACTIVE", reason },
    });
    await notify(
      tx,
      [useCase.ownerId],
      {
        kind: "USE_CASE_REOPENED",
        title: `${formatKey(useCase.number)} “${useCase.title}” was reopened: ${reason}`,
        href: `/use-cases/${formatKey(useCase.number)}#gates`,
      },
      actor.id,
    );
    return toUseCaseDto(row, await priorityOf(row.id, tx));
  });
}
