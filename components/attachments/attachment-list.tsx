"use client";
import { FileText } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { ATTACHMENT_TARGET_LABELS, type AttachmentTargetKind } from "@/lib/attachment-targets";
import { formatFileSize } from "@/lib/file-size";
import { deleteAttachmentAction } from "@/server/actions/attachments";
import type { AttachmentDto } from "@/server/attachments/attachment-dto";
import { useAttachments } from "./attachments-context";
import { uploadFile } from "./upload-request";

/**
 * The evidence files of one checklist item, gate request or screening answer: each with its
 * size and SHA-256, downloaded (never opened in the page), removable by its uploader or an
 * admin; and, for who may attach, a file picker that uploads at once with a progress bar.
 */
export function AttachmentList({
  target,
  targetId,
  label,
  canUpload,
}: {
  target: AttachmentTargetKind;
  targetId: string;
  /** What the files are attached to, for the list's name ("Evidence for “Load test”"). */
  label: string;
  canUpload: boolean;
}) {
  const context = useAttachments();
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [added, setAdded] = useState<AttachmentDto[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!context) return null;
  const known = new Set(context.files.map((file) => file.id));
  const files = [...context.files, ...added.filter((file) => !known.has(file.id))].filter(
    (file) => file.target === target && file.targetId === targetId && !removed.includes(file.id),
  );
  if (files.length === 0 && !canUpload) return null;
  const name = `Evidence files for ${label}`;

  async function upload(file: File) {
    if (!context) return;
    setError(null);
    setProgress(0);
    const outcome = await uploadFile(context.useCaseKey, { kind: target, id: targetId }, file, setProgress);
    setProgress(null);
    if (input.current) input.current.value = "";
    if (!outcome.ok) {
      setError(`${file.name}: ${outcome.message}`);
      return;
    }
    setAdded((current) => [...current, outcome.file]);
    router.refresh();
  }

  async function remove(file: AttachmentDto) {
    if (!window.confirm(`Remove ${file.filename}? The file itself is deleted.`)) return;
    setError(null);
    const result = await deleteAttachmentAction(file.id);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setRemoved((current) => [...current, file.id]);
    router.refresh();
  }

  return (
    <div className="space-y-1.5 text-sm">
      {files.length > 0 ? (
        <ul aria-label={name} className="space-y-1">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-start gap-x-2 gap-y-0.5">
              <FileText aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-slate-500" />
              <div className="min-w-0 flex-1">
                <a href={file.downloadUrl} download={file.filename} className="break-all text-brand-700 underline">
                  {file.filename}
                </a>{" "}
                <span className="text-xs text-slate-600">
                  {formatFileSize(file.size)} · {file.uploadedBy.name}, <LocalDate value={file.createdAt} />
                </span>
                <p className="break-all font-mono text-[11px] text-slate-600">
                  <span className="font-sans">SHA-256 </span>
                  {file.sha256}
                </p>
              </div>
              {(file.uploadedBy.id === context.userId || context.canDeleteAny) && (
                <Button
                  variant="secondary"
                  className="px-2 py-0.5 text-xs"
                  aria-label={`Remove ${file.filename}`}
                  onClick={() => remove(file)}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-slate-500">No evidence files yet.</p>
      )}
      {canUpload && (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={inputId} className="text-xs font-medium text-slate-700">
            Attach a file to this {ATTACHMENT_TARGET_LABELS[target]}
          </label>
          <input
            ref={input}
            id={inputId}
            type="file"
            disabled={progress !== null}
            className="max-w-full text-xs file:mr-2 file:rounded-md file:border file:border-slate-300 file:bg-surface file:px-2 file:py-1 file:text-xs"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          {progress !== null && (
            <progress
              max={1}
              value={progress}
              aria-label={`Uploading to ${label}`}
              className="h-2 w-32 overflow-hidden rounded"
            />
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
