import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { listAuditEvents } from "@/server/audit/list-events";
import { requireUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";
import { getLocale } from "@/server/locale";
import { getOrgSettings } from "@/server/settings/org-settings";
import { listPeople } from "@/server/users/list-people";

export const metadata = { title: "Audit trail" };

type Search = Promise<Record<string, string | undefined>>;
const FILTERS = ["useCase", "actor", "action", "entity", "from", "to"] as const;

/** ADMIN: the whole append-only audit trail, filtered in the URL, newest first, with a CSV export. */
export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/admin/audit");
  if (!can(user, "audit:read")) {
    return <p className="text-slate-600">The audit trail is for admins. A use case's own Activity is on its page.</p>;
  }
  const search = await searchParams;
  const filters = Object.fromEntries(FILTERS.flatMap((f) => (search[f] ? [[f, search[f]]] : [])));
  const [result, people, settings, locale] = await Promise.all([
    listAuditEvents(user, { ...filters, ...(search.cursor ? { cursor: search.cursor } : {}) }).catch((error) =>
      error instanceof DomainError && (error.code === "VALIDATION" || error.code === "NOT_FOUND")
        ? error
        : Promise.reject(error),
    ),
    listPeople(),
    getOrgSettings(),
    getLocale(),
  ]);
  const query = new URLSearchParams(filters).toString();
  const input = "rounded-md border border-slate-300 bg-surface px-3 py-2 text-sm";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit trail"
        description="Every change, sign-in and refused request, as the database recorded it. Events cannot be edited or deleted, not even by the app."
      />
      <form className="flex flex-wrap items-end gap-3" aria-label="Filter the audit trail">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Use case</span>
          <input name="useCase" defaultValue={filters.useCase ?? ""} placeholder="UC-12" className={`${input} w-28`} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Who</span>
          <select name="actor" defaultValue={filters.actor ?? ""} className={input}>
            <option value="">Anyone</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Action starts with</span>
          <input name="action" defaultValue={filters.action ?? ""} placeholder="gate." className={`${input} w-36`} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Entity</span>
          <input
            name="entity"
            defaultValue={filters.entity ?? ""}
            placeholder="GateReview"
            className={`${input} w-36`}
          />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">From</span>
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={input} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">To</span>
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={input} />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        <a href={`/admin/audit/export.csv${query ? `?${query}` : ""}`} className={buttonClass("ghost")}>
          Export CSV
        </a>
      </form>
      {result instanceof DomainError ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {result.details.errors?.map((e) => `${e.path}: ${e.message}`).join(" ") || result.message}
        </div>
      ) : (
        <>
          <AuditTable events={result.items} showUseCase currency={settings.currency} locale={locale} />
          <div className="flex gap-3 text-sm">
            {search.cursor && (
              <Link href={`/admin/audit${query ? `?${query}` : ""}`} className="text-brand-700 hover:underline">
                ← Newest
              </Link>
            )}
            {result.nextCursor && (
              <Link
                href={`/admin/audit?${new URLSearchParams({ ...filters, cursor: result.nextCursor })}`}
                className="text-brand-700 hover:underline"
              >
                Older events →
              </Link>
            )}
          </div>
        </>
      )}
    </div>
  );
}
