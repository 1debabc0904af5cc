import "server-only";
import type { Actor } from "@/lib/permissions";
import { UseCaseUpdateSchema } from "@/lib/validation/use-case";
import { changedFields, recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError } from "../errors";
import { parseInput } from "../http/parse-input";
import { NO_PRIORITY, priorityOf } from "../priority/priority-of";
import { findUseCaseByKey } from "./find-use-case";
import { toUseCaseDto, type UseCaseDto, useCaseInclude } from "./use-case-dto";
import { checkPeople, ebitdaColumns } from "./validate-input";

function editable(dto: UseCaseDto) {
  return {
    title: dto.title,
    summary: dto.summary,
    output: dto.output,
    outcome: dto.outcome,
    pocResult: dto.pocResult,
    benefitArea: dto.benefitArea,
    ebitda: dto.ebitda,
    ownerId: dto.ownerId,
    sponsorId: dto.sponsorId,
    tags: dto.tags,
  };
}

const staleVersion = (current: UseCaseDto) =>
  new DomainError("CONFLICT", "Someone else saved this use case after you opened it. Reload to see their changes.", {
    current,
  });

/**
 * Edit a use case. The input carries the version the edit started from; when another
 * save came first, nothing is written and a CONFLICT carries the current record.
 * The stage changes only through gate decisions, never here.
 */
export async function updateUseCase(actor: Actor, key: string, input: unknown): Promise<UseCaseDto> {
  requirePermission(actor, "use-case:read");
  const existing = await findUseCaseByKey(key, db, useCaseInclude);
  requirePermission(actor, "use-case:update", existing, "You may edit only use cases you own or sponsor.");
  const data = parseInput(UseCaseUpdateSchema, input);
  await checkPeople({ ownerId: data.ownerId, sponsorId: data.sponsorId });
  const before = toUseCaseDto(existing, NO_PRIORITY);
  if (data.version !== existing.version) throw staleVersion(before);
  const { version, ebitda, ...fields } = data;

  const updated = await db.$transaction(async (tx) => {
    const { count } = await tx.useCase.updateMany({
      where: { id: existing.id, version },
      data: { ...fields, ...(ebitda ? ebitdaColumns(ebitda) : {}), version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.useCase.findUniqueOrThrow({ where: { id: existing.id }, include: useCaseInclude });
      throw staleVersion(toUseCaseDto(current, await priorityOf(current.id, tx)));
    }
    const row = await tx.useCase.findUniqueOrThrow({ where: { id: existing.id }, include: useCaseInclude });
    const diff = changedFields(editable(before), editable(toUseCaseDto(row, NO_PRIORITY)));
    await recordEvent(tx, {
      actorId: actor.id,
      action: "use-case.update",
      entity: "UseCase",
      entityId: existing.id,
      ...diff,
    });
    return row;
  });
  return toUseCaseDto(updated, await priorityOf(updated.id));
}
