import "server-only";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { EstimateSchema } from "@/lib/validation/value";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { parseInput } from "../http/parse-input";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { type EstimateDto, estimateInclude, toEstimateDto } from "./estimate-dto";

/** Value-case revisions, newest first: history, never overwritten. */
export async function listEstimates(actor: Actor, key: string): Promise<EstimateDto[]> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const rows = await db.estimateRevision.findMany({
    where: { useCaseId: useCase.id },
    include: estimateInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toEstimateDto);
}

/**
 * Record a new revision in the stage the use case is in; it becomes the use case's
 * current estimate (its EBITDA range and currency, version + 1) in the same transaction.
 */
export async function createEstimate(actor: Actor, key: string, input: unknown): Promise<EstimateDto> {
  requirePermission(actor, "use-case:read");
  const found = await findUseCaseByKey(key);
  requirePermission(
    actor,
    "estimate:create",
    found,
    "The estimate is revised by the use case's owner or sponsor, or an admin.",
  );
  const data = parseInput(EstimateSchema, input);
  return db.$transaction(async (tx) => {
    await lockUseCase(tx, found.id);
    const useCase = await tx.useCase.findUniqueOrThrow({ where: { id: found.id } });
    const row = await tx.estimateRevision.create({
      data: { ...data, useCaseId: useCase.id, authorId: actor.id, stage: useCase.stage },
      include: estimateInclude,
    });
    await tx.useCase.update({
      where: { id: useCase.id },
      data: {
        ebitdaLow: data.ebitdaLow,
        ebitdaBase: data.ebitdaBase,
        ebitdaHigh: data.ebitdaHigh,
        currency: data.currency,
        version: { increment: 1 },
      },
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "estimate.create",
      entity: "EstimateRevision",
      entityId: row.id,
      after: { useCase: formatKey(useCase.number), stage: useCase.stage, ...data },
    });
    return toEstimateDto(row);
  });
}
