import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/permissions";
import { AttachmentUploadQuerySchema } from "@/lib/validation/attachment";
import { recordEvent } from "../audit/record-event";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { DomainError } from "../errors";
import { parseInput } from "../http/parse-input";
import { readStreamWithin } from "../http/read-bytes";
import { findUseCaseByKey, lockUseCase } from "../use-cases/find-use-case";
import { type AttachmentDto, attachmentSelect, toAttachmentDto } from "./attachment-dto";
import { attachmentLimits, fileTooLarge, noRoomLeft, usedBytes } from "./attachment-limits";
import { requireAttachPermission, resolveTarget } from "./attachment-target";
import { deleteObject, objectStore, putObject } from "./object-store";
import { safeFilename } from "./safe-filename";
import { sniffContentType } from "./sniff-content-type";

export type UploadBody = { stream: ReadableStream<Uint8Array> | null; declaredLength: number | null };

/**
 * Store one evidence file (the body) on a checklist item, a gate request or a risk answer.
 * The permission and the target are checked before a byte is read; the body is read up to the
 * smaller of the file limit and the room the use case has left, and no further (413). The
 * content type is sniffed from the bytes; the SHA-256 is kept. The use case's row lock makes the
 * per-use-case total hold under concurrent uploads. Audited as `attachment.create`.
 */
export async function uploadAttachment(
  actor: Actor,
  key: string,
  query: unknown,
  body: UploadBody,
): Promise<AttachmentDto> {
  requirePermission(actor, "use-case:read");
  const useCase = await findUseCaseByKey(key);
  const input = parseInput(AttachmentUploadQuerySchema, query);
  requireAttachPermission(actor, useCase, input.target);
  const columns = await resolveTarget(db, useCase.id, input.target, input.targetId, { forUpload: true });
  const limits = await attachmentLimits();
  const used = await usedBytes(db, useCase.id);
  const room = Math.max(0, limits.useCaseBytes - used);
  const declared = body.declaredLength ?? 0;
  if (declared > limits.fileBytes) throw fileTooLarge(limits);
  if (declared > room) throw noRoomLeft(limits, used);
  const bytes = await readStreamWithin(body.stream, Math.min(limits.fileBytes, room));
  if (bytes === null) throw room < limits.fileBytes ? noRoomLeft(limits, used) : fileTooLarge(limits);
  if (bytes.byteLength === 0)
    throw new DomainError("VALIDATION", "The file is empty.", {
      errors: [{ path: "file", message: "The file is empty: choose another." }],
    });
  const contentType = await sniffContentType(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const filename = safeFilename(input.filename);
  // With an object store the bytes go there first (under the row's id), then the row; a
  // refused or failed row removes the object again.
  const store = objectStore();
  const id = randomUUID();
  if (store) await putObject(id, bytes, sha256);
  const saved = db.$transaction(
    async (tx) => {
      await lockUseCase(tx, useCase.id);
      const nowUsed = await usedBytes(tx, useCase.id);
      if (nowUsed + bytes.byteLength > limits.useCaseBytes) throw noRoomLeft(limits, nowUsed);
      const row = await tx.attachment.create({
        data: {
          id,
          useCaseId: useCase.id,
          target: input.target,
          ...columns,
          filename,
          contentType,
          size: bytes.byteLength,
          sha256,
          uploadedById: actor.id,
          storage: store ? "S3" : "DATABASE",
          ...(store ? {} : { content: { create: { bytes } } }),
        },
        select: attachmentSelect,
      });
      await recordEvent(tx, {
        actorId: actor.id,
        action: "attachment.create",
        entity: "Attachment",
        entityId: row.id,
        after: { target: input.target, targetId: input.targetId, filename, contentType, size: row.size, sha256 },
        useCaseId: useCase.id,
      });
      return toAttachmentDto(row);
    },
    { timeout: 60_000 },
  );
  if (store) await saved.catch(() => deleteObject(id));
  return saved;
}
