import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

type RequestContext = { requestId: string };

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * Run one request (an API call, a server action, a CLI command) with its id, so every audit
 * event it writes carries it. A caller's `x-request-id` (from a proxy) is kept when it is sane.
 */
export function withRequestContext<T>(fn: () => Promise<T>, incomingId?: string | null): Promise<T> {
  const requestId = incomingId && /^[\w.:-]{8,128}$/.test(incomingId) ? incomingId : randomUUID();
  return storage.run({ requestId }, fn);
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}
