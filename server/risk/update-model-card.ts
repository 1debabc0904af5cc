import "server-only";
import { MODEL_CARD_FIELD_IDS, type ModelCardText } from "@/lib/model-card";
import type { Actor } from "@/lib/permissions";
import { ModelCardUpdateSchema } from "@/lib/validation/model-card";
import { changedFields, recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { parseInput } from "../http/parse-input";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { type ModelCardDto, staleModelCard, toModelCardDto } from "./model-card-dto";

/**
 * Write some fields of a use case's model card (the owner, the sponsor or an admin), from the
 * version it was read at (0 for a card not written yet): a stale write gets 409 with the card
 * as it is now. The fields not sent keep their text.
 */
export async function updateModelCard(actor: Actor, key: string, input: unknown): Promise<ModelCardDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  requirePermission(
    actor,
    "model-card:update",
    useCase,
    "Only the use case's owner or sponsor (or an admin) writes its model card.",
  );
  const { version, ...data } = parseInput(ModelCardUpdateSchema, input);
  const text: Partial<ModelCardText> = {};
  for (const id of MODEL_CARD_FIELD_IDS) if (data[id] !== undefined) text[id] = data[id];

  return db.$transaction(async (tx) => {
    await lockUseCase(tx, useCase.id);
    const row = await tx.modelCard.findUnique({ where: { useCaseId: useCase.id } });
    if ((row?.version ?? 0) !== version) throw staleModelCard(await toModelCardDto(useCase, row, tx));
    const saved = row
      ? await tx.modelCard.update({
          where: { id: row.id },
          data: { ...text, updatedById: actor.id, version: { increment: 1 } },
        })
      : await tx.modelCard.create({ data: { useCaseId: useCase.id, ...text, updatedById: actor.id } });
    const before = Object.fromEntries(MODEL_CARD_FIELD_IDS.map((id) => [id, row?.[id] ?? ""]));
    const after = Object.fromEntries(MODEL_CARD_FIELD_IDS.map((id) => [id, saved[id]]));
    await recordEvent(tx, {
      actorId: actor.id,
      action: "model-card.update",
      entity: "ModelCard",
      entityId: saved.id,
      useCaseId: useCase.id,
      ...changedFields(before, after),
    });
    return toModelCardDto(useCase, saved, tx);
  });
}
