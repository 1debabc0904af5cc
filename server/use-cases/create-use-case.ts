import "server-only";
import type { Actor } from "@/lib/permissions";
import { UseCaseCreateSchema } from "@/lib/validation/use-case";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { parseInput } from "../http/parse-input";
import { NO_PRIORITY, priorityOf } from "../priority/priority-of";
import { toUseCaseDto, type UseCaseDto, useCaseInclude } from "./use-case-dto";
import { checkPeople, ebitdaColumns } from "./validate-input";

export async function createUseCase(actor: Actor, input: unknown): Promise<UseCaseDto> {
  requirePermission(actor, "use-case:create", "Your role may not create use cases.");
  const data = parseInput(UseCaseCreateSchema, input);
  const { ebitda, ownerId: requestedOwner, sponsorId, ...fields } = data;
  const ownerId = requestedOwner ?? actor.id;
  await checkPeople({ ownerId, sponsorId });
  const row = await db.$transaction(async (tx) => {
    const created = await tx.useCase.create({
      data: { ...fields, ...ebitdaColumns(ebitda), ownerId, sponsorId: sponsorId ?? null },
      include: useCaseInclude,
    });
    const dto = toUseCaseDto(created, NO_PRIORITY);
    await recordEvent(tx, {
      actorId: actor.id,
      action: "use-case.create",
      entity: "UseCase",
      entityId: created.id,
      after: { key: dto.key, title: dto.title, stage: dto.stage, ebitda: dto.ebitda, tags: dto.tags },
    });
    return created;
  });
  return toUseCaseDto(row, await priorityOf(row.id));
}
