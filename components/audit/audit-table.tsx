import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { Cell, ColumnHeader, DataTable } from "@/components/ui/table";
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
    <DataTable
      caption="Audit events, newest first"
      head={
        <>
          <ColumnHeader>When</ColumnHeader>
          <ColumnHeader>Who</ColumnHeader>
          <ColumnHeader>What</ColumnHeader>
          {showUseCase && <ColumnHeader>Use case</ColumnHeader>}
          <ColumnHeader>Changes</ColumnHeader>
        </>
      }
    >
      {events.map((event) => (
        <tr key={event.id} className="align-top">
          <Cell className="whitespace-nowrap text-slate-600">
            <LocalDate value={event.at} time />
          </Cell>
          <Cell>{event.actor?.name ?? <span className="text-slate-500">system</span>}</Cell>
          <Cell>
            {actionLabel(event.action)}
            <div className="font-mono text-xs text-slate-600">
              {event.action} · {event.entity}
              {event.requestId && (
                <span title={`Request ${event.requestId}`}> · req {event.requestId.slice(0, 8)}</span>
              )}
            </div>
          </Cell>
          {showUseCase && (
            <Cell>
              {event.useCaseKey ? (
                <Link href={`/use-cases/${event.useCaseKey}`} className="font-mono text-brand-700 hover:underline">
                  {event.useCaseKey}
                </Link>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Cell>
          )}
          <Cell className="min-w-64 text-xs text-slate-600">
            <ChangeDiff before={event.before} after={event.after} currency={currency} locale={locale} />
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
