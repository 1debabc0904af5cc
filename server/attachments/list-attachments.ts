import "server-only";
import type { Actor } from "@/lib/permissions";
import { AttachmentListQuerySchema } from "@/lib/validation/attachment";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { parseInput } from "../http/parse-input";
import { findUseCaseByKey } from "../use-cases/find-use-case";
import { type AttachmentDto, attachmentSelect, toAttachmentDto } from "./attachment-dto";
import { resolveTarget } from "./attachment-target";

/**
 * A use case's evidence files, oldest first, without their bytes: all of them, one kind of
 * target's (`target`), or one target's (`target` and `targetId`; an unknown one is NOT_FOUND).
 */
export async function listAttachments(actor: Actor, key: string, query: unknown = {}): Promise<AttachmentDto[]> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const filter = parseInput(AttachmentListQuerySchema, query);
  const columns =
    filter.target && filter.targetId ? await resolveTarget(db, useCase.id, filter.target, filter.targetId) : {};
  const rows = await db.attachment.findMany({
    where: { useCaseId: useCase.id, ...(filter.target ? { target: filter.target } : {}), ...columns },
    select: attachmentSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toAttachmentDto);
}
