import Link from "next/link";
import type { AuditEventDto } from "@/server/audit/list-events";
import { AuditTable } from "./audit-table";

/** The use case's latest activity from the audit trail, with a link to all of it. */
export function ActivitySection({
  useCaseKey,
  events,
  more,
  currency,
  locale,
}: {
  useCaseKey: string;
  /** The use case's currency, for amounts an event does not record its own currency with. */
  currency: string;
  locale: string;
  events: AuditEventDto[];
  more: boolean;
}) {
  return (
    <section
      id="activity"
      aria-labelledby="activity-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-surface p-5"
    >
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="activity-heading" className="text-lg font-semibold">
          Activity
        </h2>
        {more && (
          <Link href={`/use-cases/${useCaseKey}/activity`} className="text-sm text-brand-700 hover:underline">
            All activity →
          </Link>
        )}
      </div>
      <p className="text-sm text-slate-600">Every change to this use case, from the app, the API or the CLI.</p>
      <AuditTable events={events} showUseCase={false} currency={currency} locale={locale} />
    </section>
  );
}
