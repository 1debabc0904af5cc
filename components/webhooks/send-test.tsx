"use client";
import { Button } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { sendTestWebhookAction } from "@/server/actions/webhooks";
import type { DeliveryDto } from "@/server/webhooks/webhook-dto";
import { DeliveryStatusBadge } from "./delivery-status";

/** The newest delivery's status and time, for a webhook's or a chat channel's row. */
export function LastDelivery({ last }: { last: { status: DeliveryDto["status"]; at: string } | null }) {
  if (!last) return null;
  return (
    <span className="flex items-center gap-1 text-xs text-slate-600">
      <DeliveryStatusBadge status={last.status} /> <LocalDate value={last.at} time />
    </span>
  );
}

/** "Send test" for a webhook or a chat channel (both are webhooks): the row runs it with its useSubmit. */
export function SendTestButton({
  webhookId,
  label,
  test,
}: {
  webhookId: string;
  /** The accessible name; it starts with "Send test" (the visible text). */
  label: string;
  test: { pending: boolean; run: (action: () => ReturnType<typeof sendTestWebhookAction>) => Promise<boolean> };
}) {
  return (
    <Button
      variant="secondary"
      className="px-2.5 py-1 text-xs"
      disabled={test.pending}
      aria-label={label}
      onClick={() => test.run(() => sendTestWebhookAction(webhookId))}
    >
      {test.pending ? "Sending…" : "Send test"}
    </Button>
  );
}

/** What the test delivery did: delivered with its HTTP status, or why not. */
export function TestResult({ delivery, what }: { delivery: DeliveryDto | null; what: string }) {
  if (!delivery) return null;
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
      {what}: <DeliveryStatusBadge status={delivery.status} />
      {delivery.status === "SUCCEEDED" ? `HTTP ${delivery.lastStatus}` : (delivery.lastError ?? "")}
    </p>
  );
}
