import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env";

// Webhook signing secrets must be readable again (to sign each delivery), so they are
// encrypted, not hashed: AES-256-GCM under a key derived from NEXTAUTH_SECRET. A database
// dump alone does not give the secrets away. Rotating NEXTAUTH_SECRET makes the stored
// secrets unreadable: rotate each webhook's secret afterwards.

/** Fixed HKDF info: a key for this purpose only, distinct from anything else derived from the secret. */
const INFO = "roadbook/webhook-secret/v1";
const FORMAT = "v1";

let cachedKey: { from: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (cachedKey?.from !== secret)
    cachedKey = { from: secret, key: Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), INFO, 32)) };
  return cachedKey.key;
}

/** A new signing secret: 32 random bytes, `whsec_` + base64url. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url parts), a fresh 12-byte IV each time. */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plain secret; throws when the box was sealed under another key or tampered with. */
export function openSecret(sealed: string): string {
  const [format, iv, tag, ciphertext] = sealed.split(".");
  if (format !== FORMAT || !iv || !tag || ciphertext === undefined) throw new Error("Unreadable webhook secret.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
