import "server-only";
import type { z } from "zod";
import { formatKey } from "@/lib/lifecycle";
import type { Actor } from "@/lib/permissions";
import { RepositorySchema } from "@/lib/validation/toolchain";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { parseInput } from "../http/parse-input";
import type { RepositoryResponse } from "../openapi/schemas/toolchain";
import { findUseCaseByKey } from "../use-cases/find-use-case";

export type RepositoryDto = z.infer<typeof RepositoryResponse>;

export async function getRepository(actor: Actor, key: string): Promise<RepositoryDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const row = await db.codeRepository.findUnique({ where: { useCaseId: useCase.id } });
  return { url: row?.url ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
}

/** Link the use case's code repository (any Git host; the URL's form is checked, no network call). */
export async function setRepository(actor: Actor, key: string, input: unknown): Promise<RepositoryDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  requirePermission(
    actor,
    "model-link:manage",
    useCase,
    "Only the use case's owner, IT or an admin may link its repository.",
  );
  const { url } = parseInput(RepositorySchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.codeRepository.findUnique({ where: { useCaseId: useCase.id } });
    const row = await tx.codeRepository.upsert({
      where: { useCaseId: useCase.id },
      create: { useCaseId: useCase.id, url },
      update: { url },
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: "repository.update",
      entity: "UseCase",
      entityId: useCase.id,
      before: before ? { repository: before.url } : null,
      after: { useCase: formatKey(useCase.number), repository: url },
    });
    return { url: row.url, updatedAt: row.updatedAt.toISOString() };
  });
}
