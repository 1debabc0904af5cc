import { type NextRequest, NextResponse } from "next/server";

// Not an authorization layer (every page, action and handler checks the session itself):
// it only tells server components which path was asked for, so a sign-in redirect can
// bring the user back to it.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-roadbook-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)"] };
