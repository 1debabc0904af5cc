import "server-only";
import { env } from "../env";

type Bucket = { tokens: number; updatedAt: number };

/**
 * Requests per minute allowed to one API token: a token bucket that holds a minute's worth
 * and refills continuously (ROADBOOK_API_RATE_LIMIT, default 600; 0 turns it off). Kept in
 * this process' memory: with several replicas each allows the limit (docs/operations.md).
 */
export function rateLimitPerMinute(): number {
  return env().ROADBOOK_API_RATE_LIMIT;
}

/** The start-up warning when the per-token limit is off, else null (a bad value stops the start: server/env.ts). */
export function rateLimitWarning(limit = rateLimitPerMinute()): string | null {
  return limit === 0 ? "roadbook: warning: ROADBOOK_API_RATE_LIMIT=0 turns the per-token API rate limit off." : null;
}

const buckets = new Map<string, Bucket>();
const MAX_KEYS = 50_000;

/** Take one request from `key`'s bucket: 0 when allowed, else the seconds to wait. */
export function takeRequest(key: string, now = Date.now()): number {
  const limit = rateLimitPerMinute();
  if (limit === 0) return 0;
  const perMs = limit / 60_000;
  const bucket = buckets.get(key) ?? { tokens: limit, updatedAt: now };
  bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.updatedAt) * perMs);
  bucket.updatedAt = now;
  if (buckets.size >= MAX_KEYS && !buckets.has(key)) buckets.clear();
  buckets.set(key, bucket);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
}
