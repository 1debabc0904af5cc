import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { HealthStatus } from "@/lib/services";
import { addressVerdict, bareHostname, isIpLiteral, type ProbePolicy } from "./probe-policy";

export type ProbeResult = {
  status: HealthStatus;
  httpStatus: number | null;
  latencyMs: number | null;
  reason: string | null;
};

/** Resolves a hostname to all its addresses (injectable, for tests of a resolver that changes its answer). */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export type PinnedAddress = { address: string; family: number };

/**
 * Where a request to `url` may connect, checked before any connection: http(s) only, no
 * credentials, the host resolved once and every address allowed by the policy. `ok` gives
 * the address to pin the connection to; `blocked` is a refusal of the policy; `unresolved`
 * is a name that does not resolve (or not before `deadline`, a `performance.now()` time).
 * Shared by the health probe and the webhook deliveries.
 */
export async function resolveTarget(
  url: URL,
  policy: ProbePolicy,
  resolve: Resolver,
  deadline: number,
): Promise<
  | { kind: "ok"; pinned: PinnedAddress }
  | { kind: "blocked"; reason: string }
  | { kind: "unresolved"; timedOut: boolean }
> {
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { kind: "blocked", reason: `${url.protocol} is not allowed (http and https only)` };
  if (url.username || url.password)
    return { kind: "blocked", reason: "credentials in the URL are not sent by the probe" };
  const hostname = bareHostname(url);
  let addresses: PinnedAddress[];
  if (isIpLiteral(hostname)) addresses = [{ address: hostname, family: hostname.includes(":") ? 6 : 4 }];
  else {
    try {
      addresses = await withTimeout(resolve(hostname), deadline - performance.now());
    } catch (error) {
      return { kind: "unresolved", timedOut: error === TIMEOUT };
    }
  }
  if (addresses.length === 0) return { kind: "unresolved", timedOut: false };
  for (const { address } of addresses) {
    const verdict = addressVerdict(address, hostname, policy);
    if (!verdict.allowed) return { kind: "blocked", reason: `${hostname} resolves to a ${verdict.reason}` };
  }
  return { kind: "ok", pinned: addresses[0] as PinnedAddress };
}

/** A `lookup` for http(s).request that connects to the checked address, whatever DNS says now. */
export function pinnedLookup(pinned: PinnedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: PinnedAddress[]) => void)(null, [pinned]);
    else (callback as (e: null, a: string, f: number) => void)(null, pinned.address, pinned.family);
  };
}

type Options = { policy: ProbePolicy; timeoutMs?: number; maxRedirects?: number; resolve?: Resolver };

const blocked = (reason: string): ProbeResult => ({ status: "BLOCKED", httpStatus: null, latencyMs: null, reason });

/**
 * Probe a URL the safe way: http(s) only; the host is resolved once, every address is
 * checked against the policy, and the connection is pinned to the checked address (no
 * DNS-rebinding gap); each redirect hop is checked again; the body is never read. HEAD
 * first, GET when HEAD is not supported. Under 500 is UP (the service answers, even with
 * a login page or 401), 5xx, errors and timeouts are DOWN, a refusal is BLOCKED.
 */
export async function probeUrl(target: string, options: Options): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const resolve = options.resolve ?? systemResolver;
  const started = performance.now();
  const deadline = started + timeoutMs;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return blocked("not a URL");
  }
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    const target = await resolveTarget(url, options.policy, resolve, deadline);
    if (target.kind === "blocked") return blocked(target.reason);
    if (target.kind === "unresolved")
      return down(started, target.timedOut ? `timed out after ${timeoutMs / 1000} s` : "the name does not resolve");
    const pinned = target.pinned;
    let response: { status: number; location: string | null };
    try {
      response = await request(url, pinned, "HEAD", deadline);
      if (response.status === 405 || response.status === 501) response = await request(url, pinned, "GET", deadline);
    } catch (error) {
      return down(started, error === TIMEOUT ? `timed out after ${timeoutMs / 1000} s` : networkReason(error));
    }
    if (response.status >= 300 && response.status < 400 && response.location) {
      try {
        url = new URL(response.location, url);
      } catch {
        return down(started, "a redirect to an unreadable address");
      }
      continue;
    }
    const latencyMs = Math.round(performance.now() - started);
    return {
      status: response.status < 500 ? "UP" : "DOWN",
      httpStatus: response.status,
      latencyMs,
      reason: response.status < 500 ? null : `HTTP ${response.status}`,
    };
  }
  return down(started, "too many redirects");
}

export const TIMEOUT = Symbol("timeout");

function down(started: number, reason: string): ProbeResult {
  return { status: "DOWN", httpStatus: null, latencyMs: Math.round(performance.now() - started), reason };
}

export function networkReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET") return "connection reset";
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return "host unreachable";
  if (code?.startsWith("ERR_TLS") || code?.includes("CERT")) return "TLS certificate problem";
  return code ? `network error (${code})` : "network error";
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(TIMEOUT), Math.max(0, ms));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function request(
  url: URL,
  pinned: { address: string; family: number },
  method: "HEAD" | "GET",
  deadline: number,
): Promise<{ status: number; location: string | null }> {
  // The connection goes to the checked address, whatever DNS says now.
  const lookup = pinnedLookup(pinned);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const remaining = deadline - performance.now();
    if (remaining <= 0) return reject(TIMEOUT);
    const req = client.request(
      url,
      { method, lookup, agent: false, headers: { "user-agent": "Roadbook health probe", accept: "*/*" } },
      (res) => {
        clearTimeout(timer);
        res.destroy(); // the body is never read, stored or shown
        resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null });
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
    req.end();
  });
}
