import "server-only";
import type { AttachmentTargetKind } from "@/lib/attachment-targets";
import { formatKey } from "@/lib/lifecycle";

/** The public shape of an evidence file (API v1 `Attachment`): its description, never its bytes. */
export type AttachmentDto = {
  id: string;
  useCaseKey: string;
  target: AttachmentTargetKind;
  /** The checklist item's or gate review's id, or the risk question's id. */
  targetId: string;
  filename: string;
  /** Sniffed from the bytes when uploaded. */
  contentType: string;
  size: number;
  /** Hex SHA-256 of the bytes: compare it with the download's. */
  sha256: string;
  uploadedBy: { id: string; name: string };
  createdAt: string;
  /** GET it for the file, always as a download. */
  downloadUrl: string;
};

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
