// The oracle of the bad-input fuzz: fire a shot and check the answer (a 4xx RFC 9457 problem,
// never a 5xx; a 2xx only for input the operation's schema accepts) and that a refused write
// changed nothing.
import type { Endpoint } from "@/server/openapi/endpoint";
import { readCompose } from "@/server/services/compose-import";
import type { Prepared, TargetCtx } from "@/test-support/bad-input-targets/kit";
import { expect } from "../../support/fixtures";
import { importAccepts } from "../../support/import-validity";
import { MB } from "./inputs";
import { encodeSegment, type Shot } from "./shots";

export type World = {
  ctx: TargetCtx;
  endpoint: Endpoint;
  prepared: Prepared;
  log: { label: string; status: number }[];
  /** The snapshot after the last refused request (nothing has changed since); none after a success. */
  state?: unknown;
};

function urlOf(endpoint: Endpoint, shot: Shot): string {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = shot.params[name];
    if (value === undefined) throw new Error(`no value for {${name}}`);
    return shot.verbatim?.has(name) ? value : encodeSegment(value);
  });
  const query = new URLSearchParams(shot.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

/** Whether the operation's own rules accept this request (a 2xx is allowed only then). */
function genuinelyValid(endpoint: Endpoint, shot: Shot): boolean {
  if (!shot.realPath) return false;
  const text = shot.data?.toString("utf8") ?? "";
  if (!endpoint.body) return true;
  if (endpoint.operationId === "importUseCases") return importAccepts(shot);
  if (!("schema" in endpoint.body) && endpoint.body.binary) {
    // A file upload: any bytes of any declared type, not empty, within the (default) file limit,
    // with a query its schema accepts.
    const size = shot.data?.byteLength ?? 0;
    return size > 0 && size <= endpoint.body.maxBytes && (endpoint.query?.safeParse(shot.query ?? {}).success ?? true);
  }
  if (!("schema" in endpoint.body)) {
    // The compose import: the YAML must read. Only `save=true` writes (any other `save` is a
    // preview, read-only), and then the environment must be a documented one.
    try {
      readCompose(text, shot.query?.baseUrl);
    } catch {
      return false;
    }
    if (shot.query?.save !== "true") return true;
    return endpoint.query?.safeParse(shot.query ?? {}).success ?? true;
  }
  if (Buffer.byteLength(text) > MB) return false;
  let parsed: unknown;
  // The server decodes the body as UTF-8 text, which drops a leading byte order mark.
  const decoded = text.replace(/^\uFEFF/, "");
  if (endpoint.body.optional && decoded.trim() === "") parsed = {};
  else
    try {
      parsed = JSON.parse(decoded);
    } catch {
      return false;
    }
  // An optional body may also be `null` (the domain reads it as none, like e2e/security/contract.spec.ts).
  if (endpoint.body.optional && parsed === null) parsed = {};
  return endpoint.body.schema.safeParse(parsed).success;
}

/** Send one shot; throw (failing the property) on a 5xx, a non-problem error, a 2xx for invalid input, or a refused write that changed something. */
export async function fire(world: World, shot: Shot): Promise<void> {
  const { ctx, endpoint, prepared } = world;
  if (prepared.neutralise && shot.data && endpoint.body && "schema" in endpoint.body) {
    try {
      const parsed = JSON.parse(shot.data.toString("utf8"));
      if (endpoint.body.schema.safeParse(parsed).success)
        shot.data = Buffer.from(JSON.stringify(await prepared.neutralise(parsed)));
    } catch {
      // not JSON: sent as it is
    }
  }
  const before = world.state ?? (await prepared.snapshot());
  world.state = undefined;
  const url = urlOf(endpoint, shot);
  const headers: Record<string, string> = { authorization: `Bearer ${ctx.actor.token}` };
  if (shot.contentType !== null) headers["content-type"] = shot.contentType;
  const response = await ctx.request.fetch(url, {
    method: endpoint.method,
    headers,
    ...(shot.data === undefined ? {} : { data: shot.data }),
    maxRedirects: 0,
    timeout: 30_000,
  });
  const status = response.status();
  const body = await response.text();
  const where = `${endpoint.method} ${url.slice(0, 160)} — ${shot.label}`;
  world.log.push({ label: shot.label, status });
  if (status >= 500) {
    const headers = response.headers();
    // x-request-id: set by server/http/api-route.ts, so its absence means the handler never ran.
    const ran = headers["x-request-id"] !== undefined ? "the API handler answered" : "answered before the API handler";
    throw new Error(
      `${where}\n→ ${status} (a server error, ${ran}, content-type ${headers["content-type"]}): ${body.slice(0, 600)}`,
    );
  }
  if (status >= 300 && status < 400) {
    // Next.js normalises an empty path segment (`/use-cases//gates`, `/services/`) with a
    // redirect: the handler never ran. Anything else redirecting is unexpected.
    if (shot.realPath || !Object.values(shot.params).includes(""))
      throw new Error(`${where}\n→ ${status} redirect to ${response.headers().location}: ${body.slice(0, 200)}`);
  } else if (status < 400) {
    if (!genuinelyValid(endpoint, shot))
      throw new Error(`${where}\n→ ${status} for input the operation's rules refuse: ${body.slice(0, 400)}`);
    return; // a valid write: it may change the records (the next run snapshots again)
  } else {
    expectProblem(where, status, response.headers()["content-type"] ?? "", body);
  }
  const after = await prepared.snapshot();
  try {
    expect(after).toEqual(before);
  } catch (error) {
    throw new Error(`${where}\n→ ${status}, but the refused write changed the database:\n${(error as Error).message}`);
  }
  world.state = after;
}

/** An RFC 9457 problem: its content type, a JSON body with the same status and a title. */
function expectProblem(where: string, status: number, contentType: string, body: string) {
  if (!contentType.includes("application/problem+json"))
    throw new Error(`${where}\n→ ${status} with content-type ${JSON.stringify(contentType)}: ${body.slice(0, 300)}`);
  let problem: { status?: unknown; title?: unknown };
  try {
    problem = JSON.parse(body);
  } catch {
    throw new Error(`${where}\n→ ${status}: the problem is not JSON: ${body.slice(0, 300)}`);
  }
  if (problem.status !== status || typeof problem.title !== "string")
    throw new Error(`${where}\n→ ${status}: not an RFC 9457 problem: ${body.slice(0, 300)}`);
}
