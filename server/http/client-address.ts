// The client's address for the sign-in throttle and the audit trail. It starts from the TCP
// peer of the request's socket, which a client cannot forge; X-Forwarded-For is read only
// behind ROADBOOK_TRUSTED_PROXY_HOPS=N reverse proxies, and then only the entry the nearest
// trusted proxy wrote. (Next.js does not append the peer to X-Forwarded-For: it sets the
// header only when the client sent none, so the header alone proves nothing.)
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { env } from "../env";

// One store per process, shared by every bundle that imports this file (instrumentation and
// route handlers are bundled apart, each with its own copy of this module).
const STORE = Symbol.for("roadbook.peer-address");
const PATCHED = Symbol.for("roadbook.peer-address.patched");
type Global = typeof globalThis & { [STORE]?: AsyncLocalStorage<string> };

function store(): AsyncLocalStorage<string> {
  const g = globalThis as Global;
  g[STORE] ??= new AsyncLocalStorage<string>();
  return g[STORE];
}

/**
 * Every HTTP server of this process runs each request's handling knowing the socket's peer
 * address. Called once at server start (instrumentation.ts), before any request is answered
 * that needs it; it patches `emit` on http.Server's prototype, so it also covers a server that
 * already exists.
 */
export function recordPeerAddresses(): void {
  const proto = http.Server.prototype as http.Server & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const request = args[0] as http.IncomingMessage;
    return store().run(request.socket?.remoteAddress ?? "unknown", () => emit.call(this, event, ...args));
  } as typeof proto.emit;
  proto[PATCHED] = true;
}

/** The socket peer of the request being handled; null outside a request or before the patch. */
export function peerAddress(): string | null {
  return store().getStore() ?? null;
}

/**
 * The client address: the socket peer, or behind N trusted proxies (ROADBOOK_TRUSTED_PROXY_HOPS)
 * the entry N places back in the chain X-Forwarded-For + peer. Entries a client wrote further
 * back are never read. "unknown" where no peer is known (a call outside an HTTP request).
 */
export function clientIp(headers: Headers, peer: string | null = peerAddress()): string {
  if (!peer) return "unknown";
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const chain = [...forwarded, normalise(peer)];
  return chain[Math.max(0, chain.length - 1 - trustedProxyHops())] ?? "unknown";
}

export function trustedProxyHops(): number {
  return env().ROADBOOK_TRUSTED_PROXY_HOPS;
}

/** An IPv4 peer on a dual-stack socket reads "::ffff:1.2.3.4": one address, one spelling. */
function normalise(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
