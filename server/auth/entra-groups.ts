import "server-only";
import http from "node:http";
import https from "node:https";
import { networkReason, pinnedLookup, type Resolver, resolveTarget, systemResolver, TIMEOUT } from "../services/probe";
import type { ProbePolicy } from "../services/probe-policy";

const TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/**
 * The ids of every group (and directory role, and administrative unit) the signed-in user is a
 * member of, transitively, read from Microsoft Graph with the user's access token:
 * `POST {graph}/v1.0/me/getMemberObjects` `{"securityEnabledOnly": false}`, answered
 * `200 {"@odata.context": "...#Collection(Edm.String)", "value": ["<object id>", ...]}`
 * (Microsoft Graph v1.0 reference, directoryObject: getMemberObjects; a user's own memberships
 * need only the delegated User.Read permission). These are the ids Entra ID puts in the `groups`
 * claim, so the role map is the same with or without the overage.
 *
 * The connection goes through the outbound policy of the health probe and the webhooks (the
 * address checked, the connection pinned to it, no redirect followed). Throws on any failure:
 * the caller refuses the sign-in rather than guess the groups.
 */
export async function fetchEntraGroups(
  accessToken: string,
  options: { graphUrl: string; policy: ProbePolicy; resolve?: Resolver },
): Promise<string[]> {
  const url = new URL(`${options.graphUrl.replace(/\/+$/, "")}/v1.0/me/getMemberObjects`);
  const deadline = performance.now() + TIMEOUT_MS;
  const checked = await resolveTarget(url, options.policy, options.resolve ?? systemResolver, deadline);
  if (checked.kind === "blocked")
    throw new Error(`Microsoft Graph is blocked by the outbound policy: ${checked.reason}`);
  if (checked.kind === "unresolved") throw new Error("Microsoft Graph's name does not resolve.");
  const body = JSON.stringify({ securityEnabledOnly: false });
  const client = url.protocol === "https:" ? https : http;
  const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: pinnedLookup(checked.pinned),
        agent: false,
        headers: {
          authorization: `Bearer ${accessToken}`,
          "content-type": "application/json",
          accept: "application/json",
          "content-length": String(Buffer.byteLength(body)),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            response.destroy();
            reject(new Error("Microsoft Graph's answer is too large."));
          } else chunks.push(chunk);
        });
        response.on("end", () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") });
        });
        response.on("error", reject);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      reject(TIMEOUT);
    }, TIMEOUT_MS);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  }).catch((error: unknown) => {
    throw new Error(
      `Microsoft Graph did not answer: ${error === TIMEOUT ? "timed out" : error instanceof Error && !("code" in error) ? error.message : networkReason(error)}`,
    );
  });
  if (answer.status !== 200) throw new Error(`Microsoft Graph answered ${answer.status}: ${answer.text.slice(0, 200)}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    throw new Error("Microsoft Graph's answer is not JSON.");
  }
  const value = (parsed as { value?: unknown } | null)?.value;
  if (!Array.isArray(value) || !value.every((id) => typeof id === "string"))
    throw new Error("Microsoft Graph's answer has no `value` list of ids.");
  return value;
}
