import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { DEFAULT_MODEL } from "@/lib/priority-score";
import { ScoringModelSchema } from "@/lib/validation/scoring";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError } from "../errors";
import { parseInput } from "../http/parse-input";
import { currentAndPreviousModels, type ScoringModelDto, select, toDto } from "./model-versions";
import { refreshPriorities } from "./priority-of";

export type { ScoringModelDto } from "./model-versions";

/** `GET /api/v1/scoring-model`: every signed-in user reads the model (the scoring form shows its guidance). */
export async function getScoringModel(actor: Actor): Promise<ScoringModelDto> {
  requirePermission(actor, "use-case:read");
  return (await currentAndPreviousModels()).current;
}

/**
 * Save a new version of the model (ADMIN). Versions are never edited: a change is a new row, so
 * every score is recomputed under it and the ranks' change reads against the version before.
 * `expectedVersion` must be the current version; two admins saving at once: one wins, the other
 * gets CONFLICT with the model as it is now (the version's unique index decides).
 */
export async function updateScoringModel(actor: Actor, input: unknown): Promise<ScoringModelDto> {
  requirePermission(actor, "scoring-model:manage", "Only an admin changes the scoring model.");
  const { expectedVersion, ...definition } = parseInput(ScoringModelSchema, input);
  const stale = (current: ScoringModelDto) =>
    new DomainError("CONFLICT", "Someone else changed the scoring model after you opened it.", { current });
  try {
    const saved = await db.$transaction(async (tx) => {
      const { current } = await currentAndPreviousModels(tx);
      if (current.version !== expectedVersion) throw stale(current);
      if (current.version === 1 && current.createdAt == null)
        await tx.scoringModel.createMany({
          data: [
            {
              version: 1,
              formula: DEFAULT_MODEL.formula,
              criteria: DEFAULT_MODEL.criteria,
              ebitdaBands: DEFAULT_MODEL.ebitdaBands,
            },
          ],
          skipDuplicates: true,
        });
      const saved = await tx.scoringModel.create({
        data: { ...definition, version: current.version + 1, createdById: actor.id },
        select,
      });
      const dto = toDto(saved);
      const { version: _v, createdAt: _c, createdBy: _b, ...before } = current;
      const { version: _v2, createdAt: _c2, createdBy: _b2, ...after } = dto;
      await recordEvent(tx, {
        actorId: actor.id,
        action: "scoring-model.update",
        entity: "ScoringModel",
        entityId: String(dto.version),
        before,
        after,
        useCaseId: null,
      });
      return dto;
    });
    // Every stored score is stale under the new version: recompute them now, not on the next read.
    await refreshPriorities();
    return saved;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw stale((await currentAndPreviousModels()).current);
    throw error;
  }
}
