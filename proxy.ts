import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "./lib/content-security-policy";
import { databaseMayAnswer, databaseUnavailablePage } from "./server/database-outage";

// Not an authorization layer (every page, action and handler checks the session itself).
// It tells server components which path was asked for (so a sign-in redirect can bring the
// user back), and gives each page request its CSP nonce: Next.js reads the nonce from the
// request's Content-Security-Policy header and puts it on the scripts it renders.
// It also answers an address that cannot be decoded (a broken percent-encoding such as `%zz`,
// or a NUL): Next.js itself would fail on it with a bare 500. And while the database is down
// a page answers 503 with the "database unavailable" page (server/database-outage.ts), not the
// 500 Next.js gives a page that throws; a client navigation (an RSC request) still reaches the
// page, whose error boundary says the same.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!decodable(pathname) || /%00/i.test(search)) return badAddress(pathname);
  if (pathname.startsWith("/api/")) return NextResponse.next();
  if (!request.headers.has("rsc") && !(await databaseMayAnswer())) return databaseUnavailablePage();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-roadbook-path", pathname + search);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

function decodable(pathname: string): boolean {
  try {
    return !decodeURIComponent(pathname).includes("\u0000");
  } catch {
    return false;
  }
}

function badAddress(pathname: string): Response {
  const detail = "The address is malformed (a broken percent-encoding or a NUL character).";
  if (pathname.startsWith("/api/"))
    return Response.json(
      { type: "about:blank", status: 400, title: "Bad Request", detail },
      { status: 400, headers: { "content-type": "application/problem+json" } },
    );
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Malformed address · Roadbook</title></head><body style="font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem;padding:0 1rem"><main><h1>This address is malformed</h1><p>${detail} Check the link, or go back to <a href="/">the dashboard</a>.</p></main></body></html>`,
    { status: 400, headers: { "content-type": "text/html; charset=utf-8" } },
  );
}

// Pages run through here. API routes only when their path holds a percent sign (so the list
// API's throughput does not pay for it); `%` only appears in encoded paths.
export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|icon.svg|robots.txt).*)", "/api/:path(.*%.*)"],
};
