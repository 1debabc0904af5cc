import "server-only";
import { jenkinsJobPath } from "@/lib/services";
import { getRegistryJson } from "../registry/registry-http";
import type { ProbePolicy } from "./probe-policy";

// The last build of a Jenkins job, read through Jenkins' JSON API
// (`/job/<name>/lastBuild/api/json`) with the same SSRF-safe client as the model registries:
// the address checked against the policy and pinned, redirects never followed (one off-host
// would carry the API token), at most 2 MB, 5 s.

export type BuildState = { status: "PASSING" | "FAILING" | "UNKNOWN"; number: number | null; reason: string | null };

const TIMEOUT_MS = 5000;

/** Jenkins' `result` in Roadbook's words: SUCCESS passes; FAILURE and UNSTABLE fail; the rest is unknown. */
export function buildStateOf(body: unknown): BuildState {
  const build = (body ?? {}) as { number?: unknown; result?: unknown; building?: unknown };
  const number = typeof build.number === "number" ? build.number : null;
  const at = number !== null ? `Build #${number}` : "The last build";
  if (build.building === true || build.result === null)
    return { status: "UNKNOWN", number, reason: `${at} is running.` };
  switch (build.result) {
    case "SUCCESS":
      return { status: "PASSING", number, reason: null };
    case "FAILURE":
      return { status: "FAILING", number, reason: `${at} failed.` };
    case "UNSTABLE":
      return { status: "FAILING", number, reason: `${at} is unstable (tests failed).` };
    case "ABORTED":
      return { status: "UNKNOWN", number, reason: `${at} was aborted.` };
    case "NOT_BUILT":
      return { status: "UNKNOWN", number, reason: `${at} was not built.` };
    default:
      return { status: "UNKNOWN", number, reason: "Jenkins' answer could not be read." };
  }
}

/** Read the job's last build; never throws: a problem is an UNKNOWN with the reason. */
export async function readLastBuild(
  jenkins: { url: string; job: string; user: string | null; token: string | null },
  policy: ProbePolicy,
): Promise<BuildState> {
  let url: URL;
  try {
    url = new URL(`${jenkins.url.replace(/\/+$/, "")}${jenkinsJobPath(jenkins.job)}/lastBuild/api/json`);
  } catch {
    return { status: "UNKNOWN", number: null, reason: "The Jenkins address is not a URL." };
  }
  const headers: Record<string, string> =
    jenkins.user && jenkins.token
      ? { authorization: `Basic ${Buffer.from(`${jenkins.user}:${jenkins.token}`).toString("base64")}` }
      : {};
  const answer = await getRegistryJson({ url, headers, verifyTls: true, policy, timeoutMs: TIMEOUT_MS });
  const unknown = (reason: string): BuildState => ({ status: "UNKNOWN", number: null, reason });
  if (answer.kind === "blocked") return unknown(`Jenkins is refused by the address policy (${answer.reason}).`);
  if (answer.kind === "unreachable") return unknown(`Jenkins did not answer: ${answer.reason}.`);
  if (answer.status >= 300 && answer.status < 400)
    return unknown(`Jenkins answered HTTP ${answer.status}: redirects are not followed.`);
  if (answer.status === 401 || answer.status === 403)
    return unknown(`Jenkins refused the credentials (HTTP ${answer.status}): check the user and API token.`);
  if (answer.status === 404) return unknown(`Jenkins has no job ${jenkins.job}, or it has never been built.`);
  if (answer.status !== 200) return unknown(`Jenkins answered HTTP ${answer.status}.`);
  return buildStateOf(answer.body);
}
