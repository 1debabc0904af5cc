import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditTable } from "@/components/audit/audit-table";
import { LocalDate } from "@/components/ui/local-date";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditEvents } from "@/server/audit/list-events";
import { requireUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";
import { getLocale } from "@/server/locale";
import { getOrgSettings } from "@/server/settings/org-settings";
import { changesSince } from "@/server/visits/changes-since";

type Params = Promise<{ key: string }>;
type Search = Promise<{ cursor?: string; since?: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  return { title: `${(await params).key} activity` };
}

const notFoundOnBadInput = (error: unknown): never => {
  if (error instanceof DomainError && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
  throw error;
};

/**
 * All of a use case's audit events, newest first, 100 a page; with `?since=` (the link of
 * "Changes since your last visit"), only other people's changes after that moment.
 */
export default async function ActivityPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { key } = await params;
  const { cursor, since } = await searchParams;
  const user = await requireUser(`/use-cases/${key}/activity`);
  const [result, settings, locale] = await Promise.all([
    since
      ? changesSince(user, key, { since })
          .then((changes) => ({ items: changes.events, nextCursor: null, since: changes.since }))
          .catch(notFoundOnBadInput)
      : listAuditEvents(user, { useCase: key, limit: 100, ...(cursor ? { cursor } : {}) })
          .then((page) => ({ ...page, since: null }))
          .catch(notFoundOnBadInput),
    getOrgSettings(),
    getLocale(),
  ]);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/use-cases" className="hover:underline">
          Use cases
        </Link>{" "}
        <span aria-hidden>/</span>{" "}
        <Link href={`/use-cases/${key}`} className="hover:underline">
          {key}
        </Link>{" "}
        <span aria-hidden>/</span> Activity
      </nav>
      <PageHeader title={`Activity of ${key}`} />
      {result.since && (
        <p className="text-sm text-slate-700">
          Other people's changes since <LocalDate value={result.since} time />, newest first.{" "}
          <Link href={`/use-cases/${key}/activity`} className="text-brand-700 hover:underline">
            All activity
          </Link>
        </p>
      )}
      <AuditTable events={result.items} showUseCase={false} currency={settings.currency} locale={locale} />
      <div className="flex gap-3 text-sm">
        {cursor && !since && (
          <Link href={`/use-cases/${key}/activity`} className="text-brand-700 hover:underline">
            ← Newest
          </Link>
        )}
        {result.nextCursor && (
          <Link
            href={`/use-cases/${key}/activity?cursor=${encodeURIComponent(result.nextCursor)}`}
            className="text-brand-700 hover:underline"
          >
            Older events →
          </Link>
        )}
      </div>
    </div>
  );
}
