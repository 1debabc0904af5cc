import "server-only";
import http from "node:http";
import https from "node:https";
import { Prisma } from "@/generated/prisma/client";
import { startRounds } from "../background-rounds";
import { db } from "../db";
import { env } from "../env";
import { currentProbePolicy } from "../services/check-service";
import { networkReason, pinnedLookup, type Resolver, resolveTarget, systemResolver, TIMEOUT } from "../services/probe";
import type { ProbePolicy } from "../services/probe-policy";
import { chatBody } from "./chat-message";
import type { WebhookPayload } from "./enqueue";
import { openSecret } from "./secret-box";
import { signatureHeader } from "./signature";

/** Wait after the n-th failed attempt (minutes); the 6th failure is final. */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 720] as const;
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;
export const BLOCKED_BY_POLICY = "Blocked by policy";
const TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;
/** A claimed delivery is not due again for this long: a process that dies mid-send leaves it to another round. */
const LEASE_MS = 2 * 60_000;
const BATCH = 10;
const MAX_BATCHES_PER_ROUND = 20;

export type PostResult =
  | { kind: "answered"; status: number; excerpt: string; retryAfterSeconds: number | null }
  | { kind: "blocked"; reason: string }
  | { kind: "error"; reason: string };

/**
 * POST `body` to `target` the way the health probe connects: the address checked against the
 * policy and the connection pinned to it; redirects are not followed (a 3xx is a failure);
 * at most 64 KB of the answer is read; 10 s for everything.
 */
export async function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  policy: ProbePolicy,
  resolve: Resolver = systemResolver,
): Promise<PostResult> {
  const deadline = performance.now() + TIMEOUT_MS;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { kind: "blocked", reason: "not a URL" };
  }
  const checked = await resolveTarget(url, policy, resolve, deadline);
  if (checked.kind === "blocked") return { kind: "blocked", reason: checked.reason };
  if (checked.kind === "unresolved")
    return { kind: "error", reason: checked.timedOut ? "timed out after 10 s" : "the name does not resolve" };
  const client = url.protocol === "https:" ? https : http;
  try {
    return await new Promise<PostResult>((resolvePromise, reject) => {
      const remaining = deadline - performance.now();
      if (remaining <= 0) return reject(TIMEOUT);
      const req = client.request(
        url,
        {
          method: "POST",
          lookup: pinnedLookup(checked.pinned),
          agent: false,
          headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const done = () => {
            clearTimeout(timer);
            const text = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString("utf8");
            resolvePromise({
              kind: "answered",
              status: res.statusCode ?? 0,
              excerpt: text,
              retryAfterSeconds: retryAfter(res.headers["retry-after"]),
            });
          };
          res.on("data", (chunk: Buffer) => {
            if (size >= MAX_RESPONSE_BYTES) return;
            chunks.push(chunk);
            size += chunk.length;
            if (size >= MAX_RESPONSE_BYTES) {
              res.destroy(); // enough: the rest is never read
              done();
            }
          });
          res.on("end", done);
          res.on("error", done);
        },
      );
      const timer = setTimeout(() => {
        req.destroy();
        reject(TIMEOUT);
      }, remaining);
      req.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      req.end(body);
    });
  } catch (error) {
    return { kind: "error", reason: error === TIMEOUT ? "timed out after 10 s" : networkReason(error) };
  }
}

/** A Retry-After in seconds (the HTTP-date form is read too); null when absent or unreadable. */
export function retryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

type Claimed = { id: string; attempts: number };
type Kind = "SIGNED" | "SLACK" | "TEAMS";

/** The request a delivery makes: where, what and with which headers, per kind of webhook. */
function requestOf(webhook: { kind: Kind; url: string; secret: string }, event: string, id: string, payload: unknown) {
  const userAgent = { "content-type": "application/json", "user-agent": "Roadbook-Webhooks/1" };
  if (webhook.kind === "SIGNED") {
    const body = bodyOf(payload);
    const headers = {
      ...userAgent,
      "roadbook-event": event,
      "roadbook-delivery": id,
      "roadbook-signature": signatureHeader(openSecret(webhook.secret), body),
    };
    return { url: webhook.url, body, headers };
  }
  // A chat channel's secret is its URL; the tool does not verify signatures.
  const e = env();
  const body = chatBody(webhook.kind, payload as WebhookPayload, e.ROADBOOK_PUBLIC_URL ?? e.NEXTAUTH_URL ?? null);
  return { url: openSecret(webhook.secret), body, headers: userAgent };
}

/**
 * Did the receiver take it? A 2xx; for Teams a 200 must also say `1` (the classic incoming
 * webhook's success; it reports some failures as a 200 with the error in the text), while
 * Workflows' webhooks answer 202.
 */
function accepted(kind: Kind, result: PostResult): boolean {
  if (result.kind !== "answered" || result.status < 200 || result.status >= 300) return false;
  return kind !== "TEAMS" || result.status !== 200 || result.excerpt.trim() === "1";
}

/**
 * A chat tool's 4xx (other than 408 and 429) is final: Slack documents them as the payload or
 * the channel being wrong (invalid_payload, no_service, action_prohibited, channel_is_archived…),
 * which waiting does not change.
 */
function permanentRefusal(kind: Kind, result: PostResult): boolean {
  return (
    kind !== "SIGNED" &&
    result.kind === "answered" &&
    result.status >= 400 &&
    result.status < 500 &&
    result.status !== 408 &&
    result.status !== 429
  );
}

/** The body is exactly the signed bytes; the payload's keys in their documented order. */
function bodyOf(payload: unknown): string {
  const p = payload as { id: string; event: string; createdAt: string; data: unknown };
  return JSON.stringify({ id: p.id, event: p.event, createdAt: p.createdAt, data: p.data });
}

function oneLine(text: string, max = 300): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Send one claimed delivery and record the attempt: SUCCEEDED, PENDING with the next backoff, or FAILED. */
export async function attemptDelivery(claimed: Claimed, policy: ProbePolicy, now: Date): Promise<void> {
  const row = await db.webhookDelivery.findUnique({
    where: { id: claimed.id },
    include: { webhook: { select: { url: true, secret: true, kind: true } } },
  });
  if (!row) return; // its webhook was deleted meanwhile
  const attempts = claimed.attempts + 1;
  let result: PostResult;
  try {
    const request = requestOf(row.webhook, row.event, row.id, row.payload);
    result = await postWebhook(request.url, request.body, request.headers, policy);
  } catch {
    result = { kind: "error", reason: "the webhook's secret cannot be read (was NEXTAUTH_SECRET changed?): rotate it" };
  }
  const succeeded = accepted(row.webhook.kind, result);
  // A refusal of the policy is final (the address will not change by waiting); "Retry now" tries again.
  const final =
    succeeded || result.kind === "blocked" || permanentRefusal(row.webhook.kind, result) || attempts >= MAX_ATTEMPTS;
  // A 429's Retry-After is honoured when it asks for longer than the backoff.
  const wait = Math.max(
    (BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? 0) * 60,
    result.kind === "answered" && result.status === 429 ? (result.retryAfterSeconds ?? 0) : 0,
  );
  await db.webhookDelivery.updateMany({
    where: { id: row.id },
    data: {
      attempts,
      status: succeeded ? "SUCCEEDED" : final ? "FAILED" : "PENDING",
      lastStatus: result.kind === "answered" ? result.status : null,
      lastError: succeeded
        ? null
        : result.kind === "answered"
          ? oneLine(
              `HTTP ${result.status}${result.status >= 300 && result.status < 400 ? " (redirects are not followed)" : ""}${result.excerpt ? `: ${result.excerpt}` : ""}`,
            )
          : result.kind === "blocked"
            ? `${BLOCKED_BY_POLICY}: ${result.reason}`
            : result.reason,
      deliveredAt: succeeded ? now : null,
      ...(final ? {} : { nextAttemptAt: new Date(now.getTime() + wait * 1000) }),
    },
  });
}

/**
 * Claim up to a batch of due deliveries: one statement that locks due PENDING rows with SKIP
 * LOCKED and pushes them a lease ahead, so concurrent rounds (other replicas) never take the
 * same row. With nothing due this is the round's only query.
 */
async function claimDue(now: Date, webhookIds?: string[]): Promise<Claimed[]> {
  const only = webhookIds ? Prisma.sql`AND d."webhookId" IN (${Prisma.join(webhookIds)})` : Prisma.empty;
  const at = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp`;
  return db.$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" SET "nextAttemptAt" = ${at(new Date(now.getTime() + LEASE_MS))}
    WHERE id IN (
      SELECT d.id FROM "WebhookDelivery" d
      WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= ${at(now)} ${only}
        AND EXISTS (SELECT 1 FROM "Webhook" w WHERE w.id = d."webhookId" AND w.active)
      ORDER BY d."nextAttemptAt"
      LIMIT ${BATCH}
      FOR UPDATE OF d SKIP LOCKED
    )
    RETURNING id, attempts`;
}

/**
 * One delivery round: claim due deliveries in small batches and send each batch at once,
 * until nothing is due (or 200 were sent: the next round goes on). `webhookIds` narrows the
 * round (tests). Returns how many were attempted.
 */
export async function runDueDeliveries(now = new Date(), options: { webhookIds?: string[] } = {}): Promise<number> {
  if (options.webhookIds?.length === 0) return 0;
  let policy: ProbePolicy | undefined;
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_ROUND; batch++) {
    const claimed = await claimDue(now, options.webhookIds);
    if (claimed.length === 0) break;
    policy ??= await currentProbePolicy();
    const roundPolicy = policy;
    await Promise.all(
      claimed.map((row) =>
        attemptDelivery(row, roundPolicy, now).catch((error) =>
          console.error("webhook delivery failed", row.id, error),
        ),
      ),
    );
    total += claimed.length;
    if (claimed.length < BATCH) break;
  }
  return total;
}

/** Claim one delivery just created (test sends): it is already leased, so no round takes it meanwhile. */
export const leasedUntil = (now: Date) => new Date(now.getTime() + LEASE_MS);

export function webhookInterval(): number {
  return env().ROADBOOK_WEBHOOK_INTERVAL_SECONDS;
}

let started = false;

/** Start the delivery rounds in this server process (instrumentation.ts); 0 seconds turns them off. */
export function startWebhookDeliveries(): void {
  const seconds = webhookInterval();
  if (started || seconds === 0) return;
  started = true;
  startRounds("webhook delivery", () => runDueDeliveries(), { everyMs: seconds * 1000 });
}
