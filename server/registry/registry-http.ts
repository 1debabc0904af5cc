import "server-only";
import http from "node:http";
import https from "node:https";
import { networkReason, pinnedLookup, type Resolver, resolveTarget, systemResolver, TIMEOUT } from "../services/probe";
import type { ProbePolicy } from "../services/probe-policy";

const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export type RegistryRequest = {
  url: URL;
  headers: Record<string, string>;
  verifyTls: boolean;
  policy: ProbePolicy;
  timeoutMs: number;
  resolve?: Resolver;
};

export type RegistryAnswer =
  | { kind: "answered"; status: number; body: unknown }
  | { kind: "blocked"; reason: string }
  | { kind: "unreachable"; reason: string };

/**
 * GET a registry's JSON the way the health probe connects: the address checked against the
 * SSRF policy and the connection pinned to it; redirects are not followed (a registry's API
 * does not redirect, and a redirect off-host would carry the credentials); TLS verified unless
 * the connection turned it off; at most 2 MB read; `timeoutMs` for everything.
 */
export async function getRegistryJson(request: RegistryRequest): Promise<RegistryAnswer> {
  const deadline = performance.now() + request.timeoutMs;
  const checked = await resolveTarget(request.url, request.policy, request.resolve ?? systemResolver, deadline);
  if (checked.kind === "blocked") return { kind: "blocked", reason: checked.reason };
  if (checked.kind === "unresolved")
    return {
      kind: "unreachable",
      reason: checked.timedOut ? "the name did not resolve in time" : "the name does not resolve",
    };
  const client = request.url.protocol === "https:" ? https : http;
  try {
    return await new Promise<RegistryAnswer>((resolvePromise, reject) => {
      const remaining = deadline - performance.now();
      if (remaining <= 0) return reject(TIMEOUT);
      const req = client.request(
        request.url,
        {
          method: "GET",
          lookup: pinnedLookup(checked.pinned),
          agent: false,
          rejectUnauthorized: request.verifyTls,
          headers: { accept: "application/json", "user-agent": "Roadbook registry sync", ...request.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES) {
              res.destroy();
              clearTimeout(timer);
              resolvePromise({ kind: "unreachable", reason: "the answer is larger than 2 MB" });
              return;
            }
            chunks.push(chunk);
          });
          res.on("end", () => {
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString("utf8");
            let body: unknown = null;
            try {
              body = text ? JSON.parse(text) : null;
            } catch {
              body = null;
            }
            resolvePromise({ kind: "answered", status: res.statusCode ?? 0, body });
          });
          res.on("error", (error) => reject(error));
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
  } catch (error) {
    return {
      kind: "unreachable",
      reason: error === TIMEOUT ? `no answer within ${request.timeoutMs / 1000} s` : networkReason(error),
    };
  }
}
