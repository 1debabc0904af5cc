import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../../lib/permissions";
import { type Criterion, DEFAULT_MODEL, type ScoringModelDefinition } from "../../lib/priority-score";
import { ScoringModelSchema } from "../../lib/validation/scoring";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db, type Tx } from "../db";
import { DomainError } from "../errors";
import { parseInput } from "../http/parse-input";

export type ScoringModelDto = ScoringModelDefinition & {
  /** Send it back as `expectedVersion` with a change; a stale one gets 409. */
  version: number;
  createdAt: string | null;
  createdBy: { id: string; name: string } | null;
};

type Row = {
  version: number;
  formula: string;
  criteria: unknown;
  ebitdaBands: { toFixed(d: number): string }[];
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
};

/** Version 1 is the default model until an admin changes it (then it is stored with version 2). */
const DEFAULT_DTO: ScoringModelDto = { ...DEFAULT_MODEL, version: 1, createdAt: null, createdBy: null };

const bandText = (band: { toFixed(d: number): string }) => band.toFixed(2).replace(/\.00$/, "");

function toDto(row: Row): ScoringModelDto {
  return {
    version: row.version,
    formula: row.formula === "RICE" ? "RICE" : "WEIGHTED",
    criteria: row.criteria as Criterion[],
    ebitdaBands: row.ebitdaBands.map(bandText),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}

const select = {
  version: true,
  formula: true,
  criteria: true,
  ebitdaBands: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

/** The current model and the version before it (null for the first): the ranks' change compares the two. */
export async function currentAndPreviousModels(
  client: Tx | typeof db = db,
): Promise<{ current: ScoringModelDto; previous: ScoringModelDto | null }> {
  const rows = await client.scoringModel.findMany({ select, orderBy: { version: "desc" }, take: 2 });
  const [current, previous] = rows.map(toDto);
  return { current: current ?? DEFAULT_DTO, previous: previous ?? null };
}

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
    return await db.$transaction(async (tx) => {
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
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw stale((await currentAndPreviousModels()).current);
    throw error;
  }
}
