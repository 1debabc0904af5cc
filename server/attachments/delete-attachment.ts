import "server-only";
import { type Actor, can } from "@/lib/permissions";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { forbidden, notFound, requireFindableId } from "../errors";
import { deleteObject } from "./object-store";

/** Remove an evidence file: its uploader, or an admin. Audited as `attachment.delete` (what it was, not its bytes). */
export async function deleteAttachment(actor: Actor, id: unknown): Promise<void> {
  requirePermission(actor, "use-case:read");
  const attachmentId = requireFindableId(id, "Attachment");
  const removed = await db.$transaction(async (tx) => {
    const row = await tx.attachment.findUnique({
      where: { id: attachmentId },
      select: {
        id: true,
        useCaseId: true,
        target: true,
        filename: true,
        contentType: true,
        size: true,
        sha256: true,
        uploadedById: true,
        storage: true,
      },
    });
    if (!row) throw notFound("Attachment");
    if (row.uploadedById !== actor.id && !can(actor, "attachment:delete-any"))
      throw forbidden("Only whoever uploaded a file, or an admin, removes it.");
    await tx.attachment.delete({ where: { id: row.id } });
    const { id: _id, useCaseId, uploadedById: _by, storage, ...before } = row;
    await recordEvent(tx, {
      actorId: actor.id,
      action: "attachment.delete",
      entity: "Attachment",
      entityId: row.id,
      before,
      useCaseId,
    });
    return { id: row.id, storage };
  });
  // After the commit: a rolled-back removal must still find its bytes.
  if (removed.storage === "S3") await deleteObject(removed.id);
}
