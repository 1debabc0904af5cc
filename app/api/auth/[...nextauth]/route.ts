import NextAuth from "next-auth";
import { EmailSchema } from "@/lib/validation/auth";
import { clientIp, loginRetryAfterSeconds, recordLoginAttempt } from "@/server/auth/login-throttle";
import { passwordLoginEnabled } from "@/server/auth/oidc";
import { authOptions } from "@/server/auth/options";
import { auditSignIn } from "@/server/auth/sign-in-audit";
import { problem } from "@/server/http/problem";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

export const GET = handler;

/**
 * (Single sign-on goes through GET /api/auth/callback/oidc; server/auth/oidc.ts audits it.)
 * Credential sign-ins pass through the throttle: more than 10 failures for one account
 * from one address within 15 minutes answer 429 with Retry-After, before any password check.
 */
export async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== "callback/credentials") return handler(request, context);
  // ROADBOOK_PASSWORD_LOGIN=off with single sign-on configured: only SSO signs in.
  if (!passwordLoginEnabled())
    return problem(403, "Forbidden", "Password sign-in is turned off: sign in with single sign-on.");

  const form = await request.clone().formData();
  const parsedEmail = EmailSchema.safeParse(String(form.get("email") ?? ""));
  const email = parsedEmail.success ? parsedEmail.data : String(form.get("email") ?? "").slice(0, 254);
  const ip = clientIp(request.headers);
  const retryAfter = await loginRetryAfterSeconds(email, ip);
  if (retryAfter) {
    await auditSignIn(email, ip, "throttled");
    const minutes = Math.ceil(retryAfter / 60);
    return problem(
      429,
      "Too Many Requests",
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      { retryAfterSeconds: retryAfter, headers: { "retry-after": String(retryAfter) } },
    );
  }
  const response = await handler(request, context);
  const ok = signedIn(response);
  await recordLoginAttempt(email, ip, ok);
  await auditSignIn(email, ip, ok ? "signed-in" : "failed");
  return response;
}

// next-auth answers a credential failure with a redirect or `{ url }` naming an error.
function signedIn(response: Response): boolean {
  if (response.status >= 400) return false;
  const location = response.headers.get("location") ?? "";
  if (location.includes("error=")) return false;
  return response.headers.getSetCookie().some((cookie) => cookie.includes("session-token="));
}
