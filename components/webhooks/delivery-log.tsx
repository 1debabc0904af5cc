"use client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { useSubmit } from "@/components/ui/use-submit";
import { retryDeliveryAction } from "@/server/actions/webhooks";
import type { DeliveryDto, WebhookDto } from "@/server/webhooks/webhook-dto";
import { DeliveryStatusBadge } from "./delivery-status";

/** The last 50 deliveries of a webhook, newest first, each with its payload and "Retry now". */
export function DeliveryLog({ webhook, deliveries }: { webhook: WebhookDto; deliveries: DeliveryDto[] }) {
  return (
    <section id="deliveries" aria-labelledby="deliveries-title" className="space-y-2">
      <h2 id="deliveries-title" className="text-lg font-semibold">
        Deliveries to <span className="font-mono text-base">{webhook.url}</span>
      </h2>
      {deliveries.length === 0 ? (
        <EmptyState>No delivery yet.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-surface px-4">
          {deliveries.map((delivery) => (
            <DeliveryItem key={delivery.id} delivery={delivery} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DeliveryItem({ delivery }: { delivery: DeliveryDto }) {
  const retry = useSubmit();
  return (
    <li className="space-y-1 py-3 text-sm" aria-label={`Delivery ${delivery.id}`}>
      <div className="flex flex-wrap items-center gap-3">
        <DeliveryStatusBadge status={delivery.status} />
        <code className="text-xs">{delivery.event}</code>
        <span className="text-xs text-slate-500">
          <LocalDate value={delivery.createdAt} time />
        </span>
        <span className="text-xs text-slate-600">
          {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"}
          {delivery.lastStatus !== null && ` · HTTP ${delivery.lastStatus}`}
          {delivery.nextAttemptAt && (
            <>
              {" "}
              · next <LocalDate value={delivery.nextAttemptAt} time />
            </>
          )}
        </span>
        {delivery.status !== "SUCCEEDED" && (
          <Button
            variant="secondary"
            className="ml-auto px-2.5 py-1 text-xs"
            disabled={retry.pending}
            onClick={() => retry.run(() => retryDeliveryAction(delivery.id))}
          >
            {retry.pending ? "Retrying…" : "Retry now"}
          </Button>
        )}
      </div>
      {delivery.lastError && <p className="text-xs text-rose-700">{delivery.lastError}</p>}
      {retry.message && (
        <p role="alert" className="text-xs text-rose-700">
          {retry.message}
        </p>
      )}
      <details>
        <summary className="cursor-pointer text-xs text-slate-500">Payload</summary>
        <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">
          {JSON.stringify(delivery.payload, null, 2)}
        </pre>
      </details>
    </li>
  );
}
