"use client";
import { createContext, type ReactNode, useContext } from "react";
import type { AttachmentDto } from "@/server/attachments/attachment-dto";

type AttachmentsValue = {
  useCaseKey: string;
  /** Every file of the use case (descriptions only), read once by the page. */
  files: AttachmentDto[];
  /** Who is looking: an uploader removes their own files. */
  userId: string;
  /** attachment:delete-any (an admin). */
  canDeleteAny: boolean;
};

const AttachmentsContext = createContext<AttachmentsValue | null>(null);

/** The use case's evidence files, for every list on its page (checklist items, gate requests). */
export function AttachmentsProvider({ value, children }: { value: AttachmentsValue; children: ReactNode }) {
  return <AttachmentsContext.Provider value={value}>{children}</AttachmentsContext.Provider>;
}

export function useAttachments(): AttachmentsValue | null {
  return useContext(AttachmentsContext);
}
