import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { Sidebar } from "@/components/app-shell/sidebar";
import { SignOutButton } from "@/components/app-shell/sign-out-button";
import { ROLE_LABELS } from "@/lib/lifecycle";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { countReviewInbox } from "@/server/gates/review-inbox";
import { unreadNotificationCount } from "@/server/notifications/list-notifications";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser((await headers()).get("x-roadbook-path") ?? "/");
  const [reviews, notifications] = await Promise.all([countReviewInbox(user), unreadNotificationCount(user)]);
  return (
    <div className="min-h-screen md:grid md:grid-cols-[14rem_1fr] print:block">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <aside className="print:hidden border-b border-slate-200 bg-white p-4 md:min-h-screen md:border-b-0 md:border-r">
        <Link href="/" className="mb-6 flex items-center gap-2 px-3 text-lg font-semibold text-slate-900">
          <span aria-hidden className="inline-block h-6 w-6 rounded bg-brand-600" />
          Roadbook
        </Link>
        <Sidebar counts={{ reviews, notifications }} admin={can(user, "checklist-template:manage")} />
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="print:hidden flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-3">
          <span className="text-sm text-slate-700">
            {user.name} <span className="text-slate-400">·</span>{" "}
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{ROLE_LABELS[user.role]}</span>
          </span>
          <Link href="/settings/profile" className="text-sm text-slate-700 hover:underline">
            Profile
          </Link>
          <Link href="/settings/tokens" className="text-sm text-slate-700 hover:underline">
            API tokens
          </Link>
          <SignOutButton />
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
