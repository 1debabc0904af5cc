import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { tellOwnerOfLock } from "@/server/auth/account-lock";
import { readCredentialsForm } from "@/server/auth/credentials-form";
import { beginLoginAttempt, finishLoginAttempt } from "@/server/auth/login-throttle";
import { passwordLoginEnabled } from "@/server/auth/oidc";
import { authOptions } from "@/server/auth/options";
import { auditSignIn } from "@/server/auth/sign-in-audit";
import { clientIp } from "@/server/http/client-address";
import { otherMethods } from "@/server/http/other-methods";
import { problem } from "@/server/http/problem";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

export const GET = handler;

/**
 * (Single sign-on goes through GET /api/auth/callback/oidc; server/auth/sso-sign-in.ts audits it.)
 * A credential sign-in: the body is read once (8 KB at most, each field exactly once) and
 * next-auth gets exactly those fields; the attempt is recorded before the password check and
 * refused with 429 and Retry-After when the address or the account limit is reached
 * (server/auth/login-throttle.ts).
 */
export async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== "callback/credentials") return handler(request, context);
  // ROADBOOK_PASSWORD_LOGIN=off with single sign-on configured: only SSO signs in.
  if (!passwordLoginEnabled())
    return problem(403, "Forbidden", "Password sign-in is turned off: sign in with single sign-on.");

  const form = await readCredentialsForm(request);
  if (!form.ok) return problem(form.status, form.title, form.detail);
  const { email, body } = form;
  const ip = clientIp(request.headers);
  const attempt = await beginLoginAttempt(email, ip);
  if (!attempt.ok) {
    await auditSignIn(email, ip, "throttled");
    const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
    const wait = `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
    return problem(
      429,
      "Too Many Requests",
      attempt.scope === "account"
        ? `Too many failed sign-ins for this account. ${wait}`
        : `Too many failed sign-ins. ${wait}`,
      { retryAfterSeconds: attempt.retryAfterSeconds, headers: { "retry-after": String(attempt.retryAfterSeconds) } },
    );
  }
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  // A NextRequest, as next-auth reads `nextUrl` (and its cookies) from the request it is given.
  const response = await handler(new NextRequest(request.url, { method: "POST", headers, body }), context);
  const ok = signedIn(response);
  const { accountLockedUntil } = await finishLoginAttempt(attempt.attemptId, ok);
  await auditSignIn(email, ip, ok ? "signed-in" : "failed");
  if (accountLockedUntil) await tellOwnerOfLock(email, accountLockedUntil, ip);
  return response;
}

// next-auth answers a credential failure with a redirect or `{ url }` naming an error.
function signedIn(response: Response): boolean {
  if (response.status >= 400) return false;
  const location = response.headers.get("location") ?? "";
  if (location.includes("error=")) return false;
  return response.headers.getSetCookie().some((cookie) => cookie.includes("session-token="));
}

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
