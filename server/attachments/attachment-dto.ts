import "server-only";
import type { z } from "zod";
import type { AttachmentTargetKind } from "@/lib/attachment-targets";
import { formatKey } from "@/lib/lifecycle";
import type { AttachmentResponse } from "../openapi/schemas/attachments";

/** The public shape of an evidence file (API v1 `Attachment`): its description, never its bytes. */
export type AttachmentDto = z.infer<typeof AttachmentResponse>;

/** What list queries read: every column but the bytes, which live in another table. */
export const attachmentSelect = {
  id: true,
  target: true,
  checklistItemId: true,
  gateReviewId: true,
  questionId: true,
  filename: true,
  contentType: true,
  size: true,
  sha256: true,
  createdAt: true,
  uploadedBy: { select: { id: true, name: true } },
  useCase: { select: { number: true } },
} as const;

type Row = {
  id: string;
  target: AttachmentTargetKind;
  checklistItemId: string | null;
  gateReviewId: string | null;
  questionId: string | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  uploadedBy: { id: string; name: string };
  useCase: { number: number };
};

export function toAttachmentDto(row: Row): AttachmentDto {
  return {
    id: row.id,
    useCaseKey: formatKey(row.useCase.number),
    target: row.target,
    targetId: row.checklistItemId ?? row.gateReviewId ?? row.questionId ?? "",
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
    downloadUrl: `/api/v1/attachments/${row.id}`,
  };
}
