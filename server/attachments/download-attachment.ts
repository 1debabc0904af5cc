import "server-only";
import type { Actor } from "../../lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { notFound, requireFindableId } from "../errors";
import { contentDisposition } from "./safe-filename";
import { servedContentType } from "./sniff-content-type";

/**
 * An evidence file as a download (`GET /api/v1/attachments/{id}`), its permission checked on
 * every request (who may read the use case). Never rendered: `attachment`, nosniff, a sandbox
 * CSP with nothing allowed, and HTML, SVG and XML served as application/octet-stream. The
 * SHA-256 goes along as `Repr-Digest` (RFC 9530).
 */
export async function downloadAttachment(actor: Actor, id: unknown): Promise<Response> {
  requirePermission(actor, "use-case:read");
  const row = await db.attachment.findUnique({
    where: { id: requireFindableId(id, "Attachment") },
    select: { filename: true, contentType: true, size: true, sha256: true, content: { select: { bytes: true } } },
  });
  if (!row?.content) throw notFound("Attachment");
  const bytes = row.content.bytes;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": servedContentType(row.contentType),
      "content-length": String(bytes.byteLength),
      "content-disposition": contentDisposition(row.filename),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "private, no-store",
      "repr-digest": `sha-256=:${Buffer.from(row.sha256, "hex").toString("base64")}:`,
    },
  });
}
