import "server-only";
import { currentRequestId, withRequestContext } from "../audit/request-context";
import { recordRefusal } from "../audit/standalone-event";
import type { CurrentUser } from "../auth/current-user";
import { actorFromRequest } from "../auth/request-actor";
import { noteDatabaseDown } from "../database-outage";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../db-errors";
import { DomainError, forbidden } from "../errors";
import { observeRequest, routeLabel } from "../metrics/metrics";
import { problem, STATUS_OF } from "./problem";
import { takeRequest } from "./rate-limit";
import { readBodyWithin } from "./read-body";

const MAX_BODY_BYTES = 1024 * 1024;

type Context<P> = { params: Promise<P> };
type Handler<P> = (args: { request: Request; actor: CurrentUser; params: P }) => Promise<Response>;
type RouteOptions = {
  /** A token scoped to deploy:check may call this handler (only the deployment-approval check is). */
  deployCheck?: boolean;
};

/**
 * The one wrapper for API v1 handlers: authenticate (401), run the handler (which calls a
 * server/ function that authorizes), and map typed errors to RFC 9457 problems. An
 * unexpected error is logged and answered with a generic 500 that leaks nothing.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>, options: RouteOptions = {}) {
  return (request: Request, context: Context<P>): Promise<Response> =>
    withRequestContext(async () => {
      const startedAt = performance.now();
      const response = await answer(request, context);
      response.headers.set("x-request-id", currentRequestId() ?? "");
      observeRequest(request, response.status, startedAt);
      return response;
    }, request.headers.get("x-request-id"));

  async function answer(request: Request, context: Context<P>): Promise<Response> {
    let actor: CurrentUser | null = null;
    try {
      if (!sameOriginOrToken(request))
        return problem(403, "Forbidden", "A request signed in by cookie must come from this site (Origin header).");
      actor = await actorFromRequest(request);
      if (!actor) {
        return problem(401, "Unauthorized", "Send a valid API token (Authorization: Bearer ...) or sign in.", {
          headers: { "www-authenticate": 'Bearer realm="roadbook"' },
        });
      }
      const credential = actor.credential;
      if (credential?.kind === "token") {
        // Keyed by the token's id: however the header is spelt (`bearer`, extra spaces), one token is one bucket.
        const retryAfter = takeRequest(`token:${credential.tokenId}`);
        if (retryAfter)
          return problem(429, "Too Many Requests", `This token is over its rate limit. Try again in ${retryAfter} s.`, {
            headers: { "retry-after": String(retryAfter) },
          });
        if (credential.scope === "READ_ONLY" && !SAFE_METHODS.has(request.method))
          throw forbidden(
            "This API token is read-only: it may read (GET), not change anything. Use a read-write token.",
          );
        if (credential.scope === "DEPLOY_CHECK" && !options.deployCheck)
          throw forbidden("This API token may only check deployment approvals (scope deploy:check).");
      }
      // A NUL in the query (one in the path, or a malformed percent-encoding, never gets here:
      // proxy.ts answers those; text in a body is refused by parseInput, field by field).
      if (/%00/i.test(request.url))
        return problem(400, "Bad Request", "The query string contains a NUL character (%00).");
      return await handler({ request, actor, params: await context.params });
    } catch (error) {
      if (error instanceof DomainError && error.code === "FORBIDDEN") {
        await recordRefusal(actor, `${request.method} ${routeLabel(new URL(request.url).pathname)}`, error.message);
      }
      return errorResponse(error);
    }
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for the browser session: a state-changing request that carries the session
 * cookie and no Bearer token (so would be authenticated by the cookie) must carry an Origin
 * of this very site. Browsers
 * always send Origin on cross-site and on same-origin non-GET fetches.
 */
export function sameOriginOrToken(request: Request): boolean {
  if (SAFE_METHODS.has(request.method) || request.headers.has("authorization")) return true;
  // No session cookie: nothing for a forged request to ride on (authentication answers 401).
  if (!/(^|;\s*)(__Secure-)?next-auth\.session-token(\.\d+)?=/.test(request.headers.get("cookie") ?? "")) return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

class BodyError extends DomainError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super("VALIDATION", message);
  }
}

export function errorResponse(error: unknown): Response {
  if (error instanceof BodyError) {
    return problem(error.status, error.status === 413 ? "Content Too Large" : "Bad Request", error.message);
  }
  if (error instanceof DomainError) {
    const { status, title } = STATUS_OF[error.code];
    const headers: Record<string, string> = {};
    if (error.details.retryAfterSeconds) headers["retry-after"] = String(error.details.retryAfterSeconds);
    return problem(status, title, error.message, {
      headers,
      ...(error.details.errors ? { errors: error.details.errors } : {}),
      ...(error.details.current ? { current: error.details.current } : {}),
    });
  }
  if (isDatabaseUnavailable(error)) {
    noteDatabaseDown();
    console.error(
      `Database unavailable in API route: ${String((error as Error).message)
        .trim()
        .split("\n")
        .at(-1)}`,
    );
    return problem(503, "Service Unavailable", DATABASE_UNAVAILABLE_MESSAGE, {
      headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
    });
  }
  console.error("Unexpected error in API route", error);
  return problem(500, "Internal Server Error", "Something went wrong on our side. It has been logged.");
}

/** The request's body as text: 413 over 1 MB. */
export async function readText(request: Request): Promise<string> {
  const text = await readBodyWithin(request, MAX_BODY_BYTES);
  if (text === null) throw new BodyError(413, "The request body is larger than 1 MB.");
  return text;
}

/** The request's JSON body: 413 over 1 MB, 400 when it is not JSON. `emptyAs` stands in for no body at all. */
export async function readJson(request: Request, options: { emptyAs?: unknown } = {}): Promise<unknown> {
  const text = await readText(request);
  if (options.emptyAs !== undefined && text.trim() === "") return options.emptyAs;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, "The request body is not valid JSON.");
  }
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}
