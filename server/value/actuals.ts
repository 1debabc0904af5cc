import "server-only";
import type { z } from "zod";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { ActualSchema } from "@/lib/validation/value";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError } from "../errors";
import { parseInput } from "../http/parse-input";
import type { ActualResponse } from "../openapi/schemas/value";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { enqueueWebhookEvent } from "../webhooks/enqueue";

export type ActualDto = z.infer<typeof ActualResponse>;

const include = { author: { select: { id: true, name: true } } } as const;
const month = (date: Date) => date.toISOString().slice(0, 7);

function toDto(
  row: {
    id: string;
    period: string;
    ebitda: { toFixed(d: number): string };
    note: string;
    author: { id: string; name: string };
    createdAt: Date;
  },
  currency: string,
): ActualDto {
  return {
    id: row.id,
    period: row.period,
    ebitda: row.ebitda.toFixed(2),
    currency,
    note: row.note,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Realised EBITDA entries, oldest month first. */
export async function listActuals(actor: Actor, key: string): Promise<ActualDto[]> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const rows = await db.actual.findMany({ where: { useCaseId: useCase.id }, include, orderBy: { period: "asc" } });
  return rows.map((row) => toDto(row, useCase.currency));
}

/**
 * Record a month's realised EBITDA for a use case in production. The month must not be in
 * the future nor before the use case existed; a month already recorded is a CONFLICT.
 */
export async function createActual(actor: Actor, key: string, input: unknown): Promise<ActualDto> {
  requirePermission(actor, "use-case:read");
  const found = await findUseCaseByKey(key);
  requirePermission(
    actor,
    "actual:create",
    found,
    "Realised value is recorded by the owner or sponsor, IT or an admin.",
  );
  const data = parseInput(ActualSchema, input);
  const errors = [];
  if (data.period > month(new Date())) errors.push({ path: "period", message: "The period cannot be in the future." });
  if (data.period < month(found.createdAt))
    errors.push({
      path: "period",
      message: `The period cannot be before the use case existed (${month(found.createdAt)}).`,
    });
  if (errors.length) throw new DomainError("VALIDATION", "Some fields need attention.", { errors });
  return db.$transaction(async (tx) => {
    await lockUseCase(tx, found.id);
    const useCase = await tx.useCase.findUniqueOrThrow({ where: { id: found.id } });
    if (useCase.stage !== "PRODUCTION")
      throw new DomainError(
        "CONFLICT",
        `${formatKey(useCase.number)} is not in production: realised value starts there.`,
      );
    if (await tx.actual.findUnique({ where: { useCaseId_period: { useCaseId: useCase.id, period: data.period } } }))
      throw new DomainError("CONFLICT", `${data.period} is already recorded for ${formatKey(useCase.number)}.`, {
        errors: [{ path: "period", message: `${data.period} is already recorded.` }],
      });
    const row = await tx.actual.create({
      data: { useCaseId: useCase.id, period: data.period, ebitda: data.ebitda, note: data.note, authorId: actor.id },
      include,
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "actual.create",
      entity: "Actual",
      entityId: row.id,
      after: { useCase: formatKey(useCase.number), period: data.period, ebitda: data.ebitda },
    });
    const dto = toDto(row, useCase.currency);
    await enqueueWebhookEvent(tx, "value.actual_added", {
      useCase: { key: formatKey(useCase.number), title: useCase.title },
      actualId: dto.id,
      period: dto.period,
      ebitda: dto.ebitda,
      currency: dto.currency,
      recordedBy: actor.id,
    });
    return dto;
  });
}
