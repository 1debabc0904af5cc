"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Dashboard", count: null },
  { href: "/use-cases", label: "Use cases", count: null },
  { href: "/board", label: "Board", count: null },
  { href: "/reviews", label: "Reviews", count: "reviews" },
  { href: "/handover", label: "Handover", count: null },
  { href: "/services", label: "Services", count: null },
  { href: "/notifications", label: "Notifications", count: "notifications" },
  { href: "/api-docs", label: "API reference", count: null },
] as const;

const ADMIN_LINKS = [
  { href: "/admin/checklists", label: "Checklist templates", count: null },
  { href: "/admin/users", label: "Users", count: null },
  { href: "/admin/webhooks", label: "Webhooks", count: null },
  { href: "/admin/audit", label: "Audit trail", count: null },
  { href: "/admin/settings", label: "Settings", count: null },
] as const;

/** The main navigation; counts are open reviews waiting for the user and unread notifications. */
export function Sidebar({ counts, admin }: { counts: { reviews: number; notifications: number }; admin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {[...LINKS, ...(admin ? ADMIN_LINKS : [])].map((link) => {
        const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
          >
            <span className="flex items-center justify-between gap-2">
              {link.label}
              {link.count && counts[link.count] > 0 && (
                <span className="rounded-full bg-brand-600 px-2 text-xs font-semibold text-white">
                  {counts[link.count]}
                  <span className="sr-only"> {link.count === "reviews" ? "waiting" : "unread"}</span>
                </span>
              )}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
