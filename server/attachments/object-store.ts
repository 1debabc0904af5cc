import "server-only";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { env } from "../env";

// The optional S3-compatible store of evidence files (ROADBOOK_S3_BUCKET): one object per file,
// key attachments/<id>, written before the row's transaction commits and removed after a
// removal commits. Without the variable every file goes to PostgreSQL (AttachmentContent).

let cached: { key: string; client: S3Client } | undefined;

/** The bucket and its client, or null when files are kept in PostgreSQL. */
export function objectStore(): { client: S3Client; bucket: string } | null {
  const e = env();
  if (!e.ROADBOOK_S3_BUCKET) return null;
  const key = [
    e.ROADBOOK_S3_ENDPOINT,
    e.ROADBOOK_S3_REGION,
    e.ROADBOOK_S3_ACCESS_KEY_ID,
    e.ROADBOOK_S3_FORCE_PATH_STYLE,
  ].join("|");
  if (cached?.key !== key) {
    cached = {
      key,
      client: new S3Client({
        region: e.ROADBOOK_S3_REGION,
        ...(e.ROADBOOK_S3_ENDPOINT ? { endpoint: e.ROADBOOK_S3_ENDPOINT } : {}),
        forcePathStyle: e.ROADBOOK_S3_FORCE_PATH_STYLE,
        ...(e.ROADBOOK_S3_ACCESS_KEY_ID && e.ROADBOOK_S3_SECRET_ACCESS_KEY
          ? {
              credentials: {
                accessKeyId: e.ROADBOOK_S3_ACCESS_KEY_ID,
                secretAccessKey: e.ROADBOOK_S3_SECRET_ACCESS_KEY,
              },
            }
          : {}),
      }),
    };
  }
  return { client: cached.client, bucket: e.ROADBOOK_S3_BUCKET };
}

const objectKey = (id: string) => `attachments/${id}`;

/** Store a file's bytes; the store checks them against the SHA-256 on arrival. */
export async function putObject(id: string, bytes: Uint8Array, sha256: string): Promise<void> {
  const store = objectStore();
  if (!store) throw new Error("No object store is configured (ROADBOOK_S3_BUCKET).");
  await store.client.send(
    new PutObjectCommand({
      Bucket: store.bucket,
      Key: objectKey(id),
      Body: bytes,
      ContentLength: bytes.byteLength,
      ContentType: "application/octet-stream",
      ChecksumSHA256: Buffer.from(sha256, "hex").toString("base64"),
    }),
  );
}

/** A stored file's bytes. */
export async function getObject(id: string): Promise<Uint8Array> {
  const store = objectStore();
  if (!store) throw new Error("The file is in the object store, and ROADBOOK_S3_BUCKET is not set.");
  const answer = await store.client.send(new GetObjectCommand({ Bucket: store.bucket, Key: objectKey(id) }));
  if (!answer.Body) throw new Error(`The object store has no bytes for attachment ${id}.`);
  return answer.Body.transformToByteArray();
}

/** Remove a file's object; a failure is logged (the row is gone: an orphan object harms nobody). */
export async function deleteObject(id: string): Promise<void> {
  const store = objectStore();
  if (!store) return;
  try {
    await store.client.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: objectKey(id) }));
  } catch (error) {
    console.error(`Could not remove attachments/${id} from the object store`, error);
  }
}
