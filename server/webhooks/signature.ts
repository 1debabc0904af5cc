import { createHmac, timingSafeEqual } from "node:crypto";

// The `roadbook-signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256>`, the HMAC keyed
// with the webhook's secret (the whole `whsec_…` string, as UTF-8) over `<t>.<raw body>`.
// A receiver verifies it the way `verifySignature` does: take t and v1 from the header,
// recompute the HMAC over "<t>.<the raw request body, byte for byte>", compare in constant
// time, and reject a timestamp more than 5 minutes old (a replayed request). Deliveries are
// at least once: deduplicate on the `roadbook-delivery` header.

/** Tolerance for the timestamp, in seconds. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export function signatureHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The header value for `body`, sent at `now`. */
export function signatureHeader(secret: string, body: string, now = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${signatureHex(secret, timestamp, body)}`;
}

/** What a receiver does: true when the header signs `body` with `secret` and is at most 5 minutes old. */
export function verifySignature(secret: string, header: string, body: string, now = new Date()): boolean {
  const parts = new Map(
    header.split(",").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signatureHex(secret, timestamp, body), "hex");
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}
