// Evidence files. Spread into ENDPOINTS by ./index.ts.
import "server-only";
import { z } from "zod";
import {
  AttachmentListQuerySchema,
  AttachmentUploadQuerySchema,
  DEFAULT_ATTACHMENT_LIMITS,
} from "@/lib/validation/attachment";
import type { Endpoint } from "../endpoint";
import { AttachmentResponse } from "../schemas/attachments";

/** The default limit of one file (an admin may set 1 to 100 MB in Settings). */
const DEFAULT_FILE_BYTES = DEFAULT_ATTACHMENT_LIMITS.fileMb * 1024 * 1024;

export const ATTACHMENT_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "GET",
    path: "/api/v1/use-cases/{key}/attachments",
    operationId: "listAttachments",
    summary: "List a use case's evidence files",
    description:
      "Their descriptions (never their bytes), oldest first: all of them, one kind of target's (`target`), or one target's (`target` and `targetId`).",
    tag: "Attachments",
    query: AttachmentListQuerySchema,
    success: { status: 200, description: "The files.", schema: z.object({ items: z.array(AttachmentResponse) }) },
    errors: [401, 403, 404, 422],
  },
  {
    method: "POST",
    path: "/api/v1/use-cases/{key}/attachments",
    operationId: "uploadAttachment",
    summary: "Attach an evidence file",
    description:
      "The file is the body, as is (any Content-Type: the type is sniffed from the bytes). `target` and `targetId` say where it goes: a checklist item (who works the checklist), an open gate request (who may request the gate; a closed one is 409), or a risk screening question (who answers the screening). At most 20 MB per file and 200 MB per use case by default (Settings); a larger body is refused with 413 while it is read.",
    tag: "Attachments",
    query: AttachmentUploadQuerySchema,
    body: {
      contentType: "application/octet-stream",
      description: "The file's bytes (20 MB at most by default; Settings: `attachmentFileMb`).",
      maxBytes: DEFAULT_FILE_BYTES,
      binary: true,
    },
    success: { status: 201, description: "The file's description.", schema: AttachmentResponse },
    errors: [401, 403, 404, 409, 413, 422],
  },
  {
    method: "GET",
    path: "/api/v1/attachments/{id}",
    operationId: "downloadAttachment",
    summary: "Download an evidence file",
    description:
      "Always `Content-Disposition: attachment`, with `X-Content-Type-Options: nosniff`, `Content-Security-Policy: default-src 'none'; sandbox` and `Repr-Digest` (the SHA-256). HTML, SVG and XML come as `application/octet-stream`. Whoever may read the use case may download its files.",
    tag: "Attachments",
    success: { status: 200, description: "The file.", binary: "application/octet-stream" },
    errors: [401, 403, 404],
  },
  {
    method: "DELETE",
    path: "/api/v1/attachments/{id}",
    operationId: "deleteAttachment",
    summary: "Remove an evidence file",
    description: "Its uploader, or an ADMIN. Audited (`attachment.delete`).",
    tag: "Attachments",
    success: { status: 204, description: "Removed." },
    errors: [401, 403, 404],
  },
];
