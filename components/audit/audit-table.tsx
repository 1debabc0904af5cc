import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { actionLabel } from "@/lib/audit-labels";
import type { AuditEventDto } from "@/server/audit/list-events";
import { ChangeDiff } from "./change-diff";

/**
 * Audit events as a table: when, who, what, on which record, and what changed, field by field.
 * `currency`: the amounts' currency where an event does not record its own.
 */
export function AuditTable({
  events,
  showUseCase,
  currency,
  locale,
}: {
  events: AuditEventDto[];
  showUseCase: boolean;
  currency: string;
  locale: string;
}) {
  if (events.length === 0) return <EmptyState>No events match.</EmptyState>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">
              When
            </th>
            <th scope="col" className="px-3 py-2">
              Who
            </th>
            <th scope="col" className="px-3 py-2">
              What
            </th>
            {showUseCase && (
              <th scope="col" className="px-3 py-2">
                Use case
              </th>
            )}
            <th scope="col" className="px-3 py-2">
              Changes
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id} className="align-top">
              <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                <LocalDate value={event.at} time />
              </td>
              <td className="px-3 py-2">{event.actor?.name ?? <span className="text-slate-500">system</span>}</td>
              <td className="px-3 py-2">
                {actionLabel(event.action)}
                <div className="font-mono text-xs text-slate-600">
                  {event.action} · {event.entity}
                  {event.requestId && (
                    <span title={`Request ${event.requestId}`}> · req {event.requestId.slice(0, 8)}</span>
                  )}
                </div>
              </td>
              {showUseCase && (
                <td className="px-3 py-2">
                  {event.useCaseKey ? (
                    <Link href={`/use-cases/${event.useCaseKey}`} className="font-mono text-brand-700 hover:underline">
                      {event.useCaseKey}
                    </Link>
                  ) : (
                    <span className="text-slate-500">—</span>
                  )}
                </td>
              )}
              <td className="min-w-64 px-3 py-2 text-xs text-slate-600">
                <ChangeDiff before={event.before} after={event.after} currency={currency} locale={locale} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
