import { problem } from "@/server/http/problem";

export const dynamic = "force-dynamic";

/**
 * Every `/api` path that no route handles, whatever the method: a problem+json 404 (the one
 * place for it; without it, Next.js answers its HTML 404 page). OPTIONS too: a path that does
 * not exist has no methods to list, where Next.js would answer 204 with an Allow header. Routes of their own, static or
 * dynamic, always take precedence over this catch-all.
 */
function unknownPath(request: Request): Response {
  const { pathname } = new URL(request.url);
  return problem(404, "Not Found", `No API endpoint at ${pathname}. The endpoints are listed in /api/v1/openapi.json.`);
}

export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
export const OPTIONS = unknownPath;
