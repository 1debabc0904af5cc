import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { ROLE_LABELS, ROLES } from "@/lib/lifecycle";
import { can } from "@/lib/permissions";
import { USER_STATUS_LABELS, USER_STATUSES, UserListQuerySchema } from "@/lib/validation/user";
import { requireUser } from "@/server/auth/current-user";
import { listTeams } from "@/server/users/list-people";
import { listUsers } from "@/server/users/manage-users";

export const metadata = { title: "Users" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** ADMIN: the organisation's people: filter (in the URL), add, change role or team, deactivate. */
export default async function UsersPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/admin/users");
  if (!can(user, "user:manage")) notFound();
  const search = await searchParams;
  // Keep only the filters that parse: a hand-edited URL shows everyone rather than an error.
  const filters: Record<string, string> = {};
  for (const key of ["q", "role", "status"] as const) {
    const value = search[key];
    if (typeof value !== "string" || value.trim() === "") continue;
    if (UserListQuerySchema.safeParse({ [key]: value }).success) filters[key] = value.trim();
  }
  const [{ items, count }, teams] = await Promise.all([listUsers(user, filters), listTeams()]);
  const input = "rounded-md border border-slate-300 bg-surface px-3 py-2 text-sm";
  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Users"
        description="Add people, set their role and team, and deactivate those who leave (users are never deleted: the audit trail keeps their names). A change applies from the user's next page or API request."
      />
      <CreateUserForm teams={teams} />
      <form className="flex flex-wrap items-end gap-3" aria-label="Filter users">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Search</span>
          <input
            type="search"
            name="q"
            defaultValue={filters.q ?? ""}
            placeholder="Name or email"
            className={`${input} w-56`}
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Role</span>
          <select name="role" defaultValue={filters.role ?? ""} className={input}>
            <option value="">Any role</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Status</span>
          <select name="status" defaultValue={filters.status ?? ""} className={input}>
            <option value="">Any status</option>
            {USER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {USER_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        {filtered && (
          <Link href="/admin/users" className={buttonClass("ghost")}>
            Clear
          </Link>
        )}
      </form>
      <p className="text-sm text-slate-600" data-testid="user-count">
        {count === 1 ? "1 user" : `${count} users`}
        {filtered ? " match" : ""}
        {count > items.length ? ` (the first ${items.length} shown: narrow the search)` : ""}
      </p>
      {items.length === 0 ? (
        <EmptyState>No user matches these filters.</EmptyState>
      ) : (
        <UsersTable users={items} selfId={user.id} teams={teams} />
      )}
    </div>
  );
}
