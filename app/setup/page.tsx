import Link from "next/link";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { passwordLoginEnabled } from "@/server/auth/oidc";
import { needsSetup, SETUP_NEEDS_SSO } from "@/server/users/create-first-admin";

export const metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/login");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-surface p-8 shadow-sm">
        <div className="space-y-1 text-center">
          <h1 className="text-lg font-semibold">Welcome to Roadbook</h1>
          <p className="text-sm text-slate-600">Create the administrator account. This page closes once it exists.</p>
        </div>
        {passwordLoginEnabled() ? (
          <SetupForm />
        ) : (
          <div className="space-y-3 text-sm">
            <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
              {SETUP_NEEDS_SSO}
            </p>
            <Link href="/login" className="text-brand-700 underline">
              Sign in with single sign-on
            </Link>
          </div>
        )}
      </div>
    </main>
  );
}
