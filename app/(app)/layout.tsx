import { Bell } from "lucide-react";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/app-shell/account-menu";
import { GlobalSearch } from "@/components/app-shell/global-search";
import { MobileNav } from "@/components/app-shell/mobile-nav";
import { RouteFocus } from "@/components/app-shell/route-focus";
import { Sidebar } from "@/components/app-shell/sidebar";
import { CommandPaletteButton } from "@/components/command-palette/command-palette-button";
import { ROLE_LABELS } from "@/lib/lifecycle";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { countReviewInbox } from "@/server/gates/review-inbox";
import { unreadNotificationCount } from "@/server/notifications/list-notifications";
import { listViews } from "@/server/views/saved-views";

export const dynamic = "force-dynamic";

// The app shell: a sidebar (a drawer on small screens) and a top bar with the global search,
// the command palette, the notifications and the user's menu.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser((await headers()).get("x-roadbook-path") ?? "/");
  const [reviews, notifications, savedViews] = await Promise.all([
    countReviewInbox(user),
    unreadNotificationCount(user),
    listViews(user),
  ]);
  const admin = can(user, "checklist-template:manage");
  const counts = { reviews };
  const navView = (view: (typeof savedViews)[number]) => ({ id: view.id, name: view.name, href: view.href });
  const views = {
    personal: savedViews.filter((view) => view.mine).map(navView),
    shared: savedViews.filter((view) => !view.mine && view.shared).map(navView),
  };
  return (
    <div className="min-h-screen md:grid md:grid-cols-[15rem_1fr] print:block">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2"
      >
        Skip to content
      </a>
      <aside className="hidden border-r border-slate-200 bg-surface p-4 md:block md:min-h-screen print:hidden">
        <Link href="/" className="mb-6 flex items-center gap-2 px-3 text-lg font-semibold text-slate-900">
          <span aria-hidden className="inline-block h-6 w-6 rounded bg-primary" />
          Roadbook
        </Link>
        <Sidebar counts={counts} admin={admin} views={views} />
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex items-center gap-3 border-b border-slate-200 bg-surface px-4 py-2 md:px-6 print:hidden">
          <MobileNav counts={counts} admin={admin} views={views} />
          <GlobalSearch />
          <CommandPaletteButton canCreate={can(user, "use-case:create")} admin={admin} />
          <div className="ml-auto flex items-center gap-1">
            <Link
              href="/notifications"
              className="relative rounded-md p-2 text-slate-700 hover:bg-slate-100"
              aria-label={notifications > 0 ? `Notifications, ${notifications} unread` : "Notifications"}
            >
              <Bell aria-hidden size={20} />
              {notifications > 0 && (
                <span
                  aria-hidden
                  className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-primary px-1 text-center text-xs font-semibold text-white"
                >
                  {notifications}
                </span>
              )}
            </Link>
            <AccountMenu name={user.name} roleLabel={ROLE_LABELS[user.role]} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 md:px-6 md:py-8">
          {children}
        </main>
        <RouteFocus />
      </div>
    </div>
  );
}
