import "server-only";
import { formatFileSize } from "@/lib/file-size";
import type { db, Tx } from "../db";
import { DomainError } from "../errors";
import { getOrgSettings } from "../settings/org-settings";

const MB = 1024 * 1024;

export type AttachmentLimits = { fileBytes: number; useCaseBytes: number; fileMb: number; useCaseMb: number };

/** The limits in force (Settings → Evidence files). */
export async function attachmentLimits(): Promise<AttachmentLimits> {
  const { attachmentFileMb: fileMb, attachmentUseCaseMb: useCaseMb } = await getOrgSettings();
  return { fileMb, useCaseMb, fileBytes: fileMb * MB, useCaseBytes: useCaseMb * MB };
}

/** The bytes a use case's files hold together. */
export async function usedBytes(client: Tx | typeof db, useCaseId: string): Promise<number> {
  const { _sum } = await client.attachment.aggregate({ where: { useCaseId }, _sum: { size: true } });
  return _sum.size ?? 0;
}

/** 413 for one file over the per-file limit. */
export function fileTooLarge(limits: AttachmentLimits): DomainError {
  return new DomainError("TOO_LARGE", `The file is larger than ${limits.fileMb} MB, the limit for one file.`);
}

/** 413 for a file the use case has no room left for. */
export function noRoomLeft(limits: AttachmentLimits, used: number): DomainError {
  const left = Math.max(0, limits.useCaseBytes - used);
  return new DomainError(
    "TOO_LARGE",
    `This use case's files may hold ${limits.useCaseMb} MB together, and ${formatFileSize(left)} is left: remove a file or ask an admin to raise the limit.`,
  );
}
