import type { AttachmentTargetKind } from "@/lib/attachment-targets";
import type { AttachmentDto } from "@/server/attachments/attachment-dto";

type Outcome = { ok: true; file: AttachmentDto } | { ok: false; message: string };

/**
 * Send one file to POST /api/v1/use-cases/{key}/attachments (the API: a server action would
 * read the whole body before any limit applies, and reports no progress), reporting progress.
 */
export function uploadFile(
  useCaseKey: string,
  target: { kind: AttachmentTargetKind; id: string },
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Outcome> {
  const query = new URLSearchParams({ target: target.kind, targetId: target.id, filename: file.name });
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/use-cases/${encodeURIComponent(useCaseKey)}/attachments?${query}`);
    request.setRequestHeader("content-type", "application/octet-stream");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: { detail?: string; errors?: { message: string }[] } & Partial<AttachmentDto> = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // An answer that is not JSON (a proxy's error page): the generic message below.
      }
      if (request.status === 201) resolve({ ok: true, file: body as AttachmentDto });
      else
        resolve({
          ok: false,
          message: body.errors?.[0]?.message ?? body.detail ?? `The upload failed (HTTP ${request.status}). Try again.`,
        });
    };
    request.onerror = () =>
      resolve({ ok: false, message: "The upload did not reach Roadbook: check your connection and try again." });
    request.send(file);
  });
}
