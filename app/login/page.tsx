import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { sameOriginPath } from "@/lib/same-origin-path";
import { getCurrentUser } from "@/server/auth/current-user";
import { oidcConfig, passwordLoginEnabled } from "@/server/auth/oidc";
import { needsSetup } from "@/server/users/create-first-admin";
import { SsoButton } from "./sso-button";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/** What went wrong, from the `error` next-auth (or the SSO sign-in) put in the URL. */
const ERRORS: Record<string, string> = {
  "sso-deactivated": "Your account is deactivated. Ask an administrator to reactivate it.",
  "sso-email-taken":
    "Another Roadbook account already uses your email address. Ask an administrator to link it to your single sign-on.",
  "sso-no-email": "Your identity provider did not send an email address, which Roadbook needs. Ask your administrator.",
  "sso-domain-not-allowed":
    "Your account's domain is not one your organisation allows in Roadbook. Sign in with your work account.",
  "sso-groups-unavailable":
    "Roadbook could not read your groups from your identity provider, so it cannot tell your role. Try again in a few minutes.",
  AccessDenied: "You cannot sign in to Roadbook with this account.",
  SessionRequired: "Sign in to continue.",
};
const SSO_FAILED = "Single sign-on did not complete. Try again, or ask your administrator.";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  // With password sign-in off, the first admin comes through single sign-on (/setup says so).
  if ((await needsSetup()) && passwordLoginEnabled()) redirect("/setup");
  if (await getCurrentUser()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  // The page does not know the public origin: any origin will do to keep only paths of this site
  // (the form checks again against the browser's own origin before it navigates).
  const target = sameOriginPath(callbackUrl, "http://roadbook.invalid");
  const sso = oidcConfig();
  const password = passwordLoginEnabled();
  const message = error ? (ERRORS[error] ?? SSO_FAILED) : null;
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-surface p-8 shadow-sm">
        <div className="space-y-1 text-center">
          <p className="text-lg font-semibold">Roadbook</p>
          <h1 className="text-sm text-slate-600">Sign in to follow your use cases from POC to production.</h1>
        </div>
        {message && (
          <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {message}
          </div>
        )}
        {sso && <SsoButton name={sso.name} callbackUrl={target} />}
        {sso && password && (
          <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden>
            <span className="h-px flex-1 bg-slate-200" />
            or
            <span className="h-px flex-1 bg-slate-200" />
          </div>
        )}
        {password && <LoginForm callbackUrl={target} />}
      </div>
    </main>
  );
}
