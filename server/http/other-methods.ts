import "server-only";
import { problem } from "./problem";

/** The methods a route may export a handler for (HEAD and OPTIONS are answered for it). */
export const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type RouteMethod = (typeof ROUTE_METHODS)[number];

/**
 * The Allow header of a route that exports `methods`, written as Next.js writes it for OPTIONS:
 * HEAD beside GET (Next.js answers HEAD with the GET handler), OPTIONS always, sorted.
 */
export function allowHeader(methods: Iterable<string>): string {
  const allow = new Set(["OPTIONS", ...methods]);
  if (allow.has("GET")) allow.add("HEAD");
  return [...allow].sort().join(", ");
}

type OtherMethods<T> = Omit<Record<RouteMethod, (request: Request) => Response>, keyof T> & {
  OPTIONS: () => Response;
};

/**
 * The handlers of the methods a route does not have: a 405 problem (RFC 9457) with the Allow
 * header, where Next.js would answer an empty 405. And OPTIONS, as Next.js answers it (204 and
 * Allow), since Next.js would count these handlers as methods the route has. Every route file
 * ends with it, naming the handlers it has:
 *
 *     export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
 *
 * (the type refuses a method the route has; app/api/other-methods.test.ts checks every route
 * file names all the others).
 */
export function otherMethods<T extends Partial<Record<RouteMethod, unknown>>>(handlers: T): OtherMethods<T> {
  const have = ROUTE_METHODS.filter((method) => method in handlers);
  const allow = allowHeader(have);
  const notAllowed = (request: Request) =>
    problem(
      405,
      "Method Not Allowed",
      `${request.method} is not allowed on ${new URL(request.url).pathname}. Allowed: ${allow}.`,
      { headers: { allow } },
    );
  const options = () => new Response(null, { status: 204, headers: { allow } });
  const others: Record<string, unknown> = { OPTIONS: options };
  for (const method of ROUTE_METHODS) if (!have.includes(method)) others[method] = notAllowed;
  return others as OtherMethods<T>;
}
