import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";

export const metadata = { title: "Waiting for a role" };
export const dynamic = "force-dynamic";

/**
 * Where single sign-on sends a user none of whose groups maps to a role when
 * ROADBOOK_OIDC_DEFAULT_ROLE=none: the account exists (inactive) and gets no session.
 */
export default async function AwaitingRolePage() {
  if (await getCurrentUser()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md space-y-4 rounded-xl border border-slate-200 bg-surface p-8 shadow-sm">
        <p className="text-lg font-semibold">Roadbook</p>
        <h1 className="text-base font-medium text-slate-900">An administrator must assign you a role</h1>
        <p className="text-sm text-slate-600">
          You signed in with single sign-on, and your Roadbook account is created, but none of your groups gives a role
          in Roadbook yet. Ask a Roadbook administrator to assign you one (or your identity team to add you to a mapped
          group), then sign in again.
        </p>
        <Link href="/login" className="text-sm text-brand-700 hover:underline">
          Back to sign in
        </Link>
      </div>
    </main>
  );
}
