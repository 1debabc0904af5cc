import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { GetObjectCommand } from "@aws-sdk/client-s3";
// s3rver: an S3-compatible server in Node (a development dependency), so the real AWS SDK
// client talks real S3 HTTP (SigV4 signatures, PUT/GET/DELETE object) to a local bucket.
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeChecklist, makeUseCase, makeUser } from "@/prisma/seed/factories";
import { withOwnDatabase } from "@/scripts/test/own-database";

const own = withOwnDatabase("attachments_s3");
const directory = mkdtempSync(path.join(os.tmpdir(), "roadbook-s3-"));
const BUCKET = "roadbook-evidence";
const VARS = [
  "ROADBOOK_S3_BUCKET",
  "ROADBOOK_S3_ENDPOINT",
  "ROADBOOK_S3_ACCESS_KEY_ID",
  "ROADBOOK_S3_SECRET_ACCESS_KEY",
  "ROADBOOK_S3_FORCE_PATH_STYLE",
] as const;
let server: S3rver;
let store: typeof import("./object-store");
let upload: typeof import("./upload-attachment");
let download: typeof import("./download-attachment");
let remove: typeof import("./delete-attachment");

beforeAll(async () => {
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await server.run();
  // s3rver's own credentials (it checks the SigV4 signature with them).
  Object.assign(process.env, {
    ROADBOOK_S3_BUCKET: BUCKET,
    ROADBOOK_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    ROADBOOK_S3_ACCESS_KEY_ID: "S3RVER",
    ROADBOOK_S3_SECRET_ACCESS_KEY: "S3RVER",
    ROADBOOK_S3_FORCE_PATH_STYLE: "on",
  });
  store = await import("./object-store");
  upload = await import("./upload-attachment");
  download = await import("./download-attachment");
  remove = await import("./delete-attachment");
});

afterAll(async () => {
  for (const name of VARS) delete process.env[name];
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
  await (await import("../db")).dbPool.end();
});

async function objectBytes(id: string): Promise<Buffer | null> {
  const configured = store.objectStore();
  if (!configured) throw new Error("no object store");
  try {
    const answer = await configured.client.send(
      new GetObjectCommand({ Bucket: configured.bucket, Key: `attachments/${id}` }),
    );
    return Buffer.from((await answer.Body?.transformToByteArray()) ?? []);
  } catch (error) {
    if ((error as { name?: string }).name === "NoSuchKey") return null;
    throw error;
  }
}

describe("evidence files in an S3-compatible bucket (ROADBOOK_S3_BUCKET)", () => {
  it("stores the bytes in the bucket, not in PostgreSQL; downloads them as usual; a removal removes the object", async () => {
    const db = own.db();
    const it = await makeUser(db, { role: "IT" });
    const owner = await makeUser(db, { role: "DATA_SCIENTIST" });
    const uc = await makeUseCase(db, { ownerId: owner.id, stage: "PROTOTYPE" });
    await makeChecklist(db, { useCaseId: uc.id, stage: "PROTOTYPE" });
    const item = await db.checklistItem.findFirstOrThrow({ where: { useCaseId: uc.id } });
    const bytes = Buffer.from("%PDF-1.4\nan evidence file kept in the bucket\n%%EOF\n");
    const sha256 = createHash("sha256").update(bytes).digest("hex");

    const saved = await upload.uploadAttachment(
      it,
      `UC-${uc.number}`,
      { target: "CHECKLIST_ITEM", targetId: item.id, filename: "bucket.pdf" },
      { stream: new Blob([new Uint8Array(bytes)]).stream(), declaredLength: bytes.byteLength },
    );
    expect(saved).toMatchObject({ contentType: "application/pdf", sha256, size: bytes.byteLength });
    expect(await db.attachment.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ storage: "S3" });
    expect(await db.attachmentContent.count({ where: { attachmentId: saved.id } })).toBe(0);
    expect((await objectBytes(saved.id))?.equals(bytes)).toBe(true);

    const response = await download.downloadAttachment(owner, saved.id);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="bucket.pdf"/);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);

    await remove.deleteAttachment(it, saved.id);
    expect(await objectBytes(saved.id)).toBeNull();
    expect(await db.attachment.count({ where: { id: saved.id } })).toBe(0);
  });
});
