import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { HealthStatus } from "../../lib/services";
import { addressVerdict, bareHostname, isIpLiteral, type ProbePolicy } from "./probe-policy";

export type ProbeResult = {
  status: HealthStatus;
  httpStatus: number | null;
  latencyMs: number | null;
  reason: string | null;
};

/** Resolves a hostname to all its addresses (injectable, for tests of a resolver that changes its answer). */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

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
    if (url.protocol !== "http:" && url.protocol !== "https:")
      return blocked(`${url.protocol} is not allowed (http and https only)`);
    if (url.username || url.password) return blocked("credentials in the URL are not sent by the probe");
    const hostname = bareHostname(url);
    let addresses: { address: string; family: number }[];
    if (isIpLiteral(hostname)) addresses = [{ address: hostname, family: hostname.includes(":") ? 6 : 4 }];
    else {
      try {
        addresses = await withTimeout(resolve(hostname), deadline - performance.now());
      } catch (error) {
        return down(started, error === TIMEOUT ? `timed out after ${timeoutMs / 1000} s` : "the name does not resolve");
      }
    }
    if (addresses.length === 0) return down(started, "the name does not resolve");
    for (const { address } of addresses) {
      const verdict = addressVerdict(address, hostname, options.policy);
      if (!verdict.allowed) return blocked(`${hostname} resolves to a ${verdict.reason}`);
    }
    const pinned = addresses[0] as { address: string; family: number };
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

const TIMEOUT = Symbol("timeout");

function down(started: number, reason: string): ProbeResult {
  return { status: "DOWN", httpStatus: null, latencyMs: Math.round(performance.now() - started), reason };
}

function networkReason(error: unknown): string {
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
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else (callback as (e: null, a: string, f: number) => void)(null, pinned.address, pinned.family);
  };
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
