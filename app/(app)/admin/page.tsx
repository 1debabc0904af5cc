import Link from "next/link";
import { notFound } from "next/navigation";
import { ADMIN_PAGES } from "@/components/app-shell/admin-pages";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";

export const metadata = { title: "Administration" };

/** /admin: the index of the admin pages (the sidebar's Admin group), for whoever may see them. */
export default async function AdminIndexPage() {
  const user = await requireUser("/admin");
  // The same rule that shows the sidebar's Admin group.
  if (!can(user, "checklist-template:manage")) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title="Administration" description="How Roadbook is set up for your organisation." />
      <ul className="grid gap-3 sm:grid-cols-2">
        {ADMIN_PAGES.map((page) => {
          const Icon = page.icon;
          return (
            <li key={page.href}>
              <Link
                href={page.href}
                className="flex h-full gap-3 rounded-lg border border-slate-200 bg-surface p-4 hover:border-brand-300 hover:bg-slate-50"
              >
                <Icon aria-hidden size={20} className="mt-0.5 shrink-0 text-brand-700" />
                <span>
                  <span className="block font-medium">{page.label}</span>
                  <span className="mt-1 block text-sm text-slate-600">{page.description}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
