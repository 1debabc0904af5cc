import "server-only";
import type { Actor } from "@/lib/permissions";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";
import { notFound, requireFindableId } from "../errors";
import { getObject } from "./object-store";
import { contentDisposition } from "./safe-filename";
import { servedContentType } from "./sniff-content-type";

/**
 * An evidence file as a download (its bytes from PostgreSQL or the object store) (`GET /api/v1/attachments/{id}`), its permission checked on
 * every request (who may read the use case). Never rendered: `attachment`, nosniff, a sandbox
 * CSP with nothing allowed, and HTML, SVG and XML served as application/octet-stream. The
 * SHA-256 goes along as `Repr-Digest` (RFC 9530).
 */
export async function downloadAttachment(actor: Actor, id: unknown): Promise<Response> {
  requirePermission(actor, "use-case:read");
  const row = await db.attachment.findUnique({
    where: { id: requireFindableId(id, "Attachment") },
    select: {
      id: true,
      filename: true,
      contentType: true,
      sha256: true,
      storage: true,
      content: { select: { bytes: true } },
    },
  });
  if (!row) throw notFound("Attachment");
  const bytes = row.storage === "S3" ? await getObject(row.id) : row.content?.bytes;
  if (!bytes) throw notFound("Attachment");
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
