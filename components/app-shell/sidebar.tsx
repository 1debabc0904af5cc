"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { ADMIN_PAGES } from "./admin-pages";
import { MAIN_PAGES, type NavLink } from "./main-pages";

const ADMIN_LINKS: NavLink[] = ADMIN_PAGES;

/** The main navigation; the Reviews badge counts open reviews waiting for the user's decision. */
export function Sidebar({ counts, admin }: { counts: { reviews: number }; admin: boolean }) {
  const pathname = usePathname();
  const item = (link: NavLink) => {
    const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
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
