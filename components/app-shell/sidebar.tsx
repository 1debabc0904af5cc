"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { ADMIN_PAGES } from "./admin-pages";
import { MAIN_PAGES, type NavLink } from "./main-pages";

const ADMIN_LINKS: NavLink[] = ADMIN_PAGES;

/** A saved view of the use-case list, as the sidebar links it. */
export type NavView = { id: string; name: string; href: string };
export type SidebarProps = {
  counts: { reviews: number };
  admin: boolean;
  /** The user's saved views and the shared ones, listed under Use cases. */
  views?: { personal: NavView[]; shared: NavView[] };
};

/**
 * The main navigation; the Reviews badge counts open reviews waiting for the user's decision.
 * Saved views sit under Use cases, the one shown marked as the current page.
 */
export function Sidebar({ counts, admin, views }: SidebarProps) {
  const pathname = usePathname();
  const search = useSearchParams();
  const currentView = pathname === "/use-cases" ? search.get("view") : null;
  const inView = Boolean(views && [...views.personal, ...views.shared].some((view) => view.id === currentView));
  const viewGroup = (label: string, list: NavView[]) =>
    list.length > 0 && (
      <li>
        <span className="block px-3 pt-1 text-xs font-medium text-slate-600">{label}</span>
        <ul aria-label={label} className="flex flex-col">
          {list.map((view) => {
            const active = view.id === currentView;
            return (
              <li key={view.id}>
                <Link
                  href={view.href}
                  aria-current={active ? "page" : undefined}
                  className={`block truncate rounded-md py-1 pr-3 pl-10 text-sm ${active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {view.name}
                </Link>
              </li>
            );
          })}
        </ul>
      </li>
    );
  const item = (link: NavLink) => {
    const active =
      link.href === "/" ? pathname === "/" : pathname.startsWith(link.href) && !(link.href === "/use-cases" && inView);
    const count = link.badge ? counts[link.badge] : 0;
    const Icon = link.icon;
    return (
      <li key={link.href}>
        <Link
          href={link.href}
          aria-current={active ? "page" : undefined}
          className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
        >
          <Icon aria-hidden size={18} className={active ? "text-brand-700" : "text-slate-500"} />
          <span className="flex-1">{link.label}</span>
          {count > 0 && (
            <span className="rounded-full bg-primary px-2 text-xs font-semibold text-white">
              {count}
              <span className="sr-only"> waiting</span>
            </span>
          )}
        </Link>
        {link.href === "/use-cases" && views && (views.personal.length > 0 || views.shared.length > 0) && (
          <ul aria-label="Saved views" className="mt-1 flex flex-col gap-0.5">
            {viewGroup("My views", views.personal)}
            {viewGroup("Shared views", views.shared)}
          </ul>
        )}
      </li>
    );
  };
  return (
    <nav aria-label="Main" className="flex flex-col gap-4">
      <ul className="flex flex-col gap-1">{MAIN_PAGES.map(item)}</ul>
      {admin && (
        <div>
          <h2 id="nav-admin" className="px-3 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Admin
          </h2>
          <ul aria-labelledby="nav-admin" className="flex flex-col gap-1">
            {ADMIN_LINKS.map(item)}
          </ul>
        </div>
      )}
    </nav>
  );
}
