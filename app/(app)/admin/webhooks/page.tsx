import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { WebhookRow } from "@/components/webhooks/webhook-row";
import { can } from "@/lib/permissions";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/validation/webhook";
import { requireUser } from "@/server/auth/current-user";
import { listDeliveries } from "@/server/webhooks/deliveries";
import { listWebhooks } from "@/server/webhooks/manage-webhooks";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<{ log?: string }> }) {
  const user = await requireUser("/admin/webhooks");
  if (!can(user, "webhook:manage")) notFound();
  const webhooks = await listWebhooks(user);
  const { log } = await searchParams;
  const logged = webhooks.find((webhook) => webhook.id === log);
  const deliveries = logged ? await listDeliveries(user, logged.id) : [];
  const events = WEBHOOK_EVENTS.map((value) => ({ value, label: WEBHOOK_EVENT_LABELS[value] }));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhooks"
        description={
          <>
            Roadbook POSTs JSON to these addresses when gates, stages, checklists, services or realised value change.
            Each request carries <code>roadbook-signature: t=…,v1=…</code>: the hex HMAC-SHA256 of{" "}
            <code>&lt;t&gt;.&lt;raw body&gt;</code> with the webhook&apos;s secret. Receivers recompute it, compare in
            constant time, refuse timestamps older than 5 minutes, and deduplicate on <code>roadbook-delivery</code>.
            Failed deliveries are retried after 1 min, 5 min, 30 min, 2 h and 12 h.
          </>
        }
      />
      <section aria-labelledby="new-webhook" className="rounded-lg border border-slate-200 bg-surface p-4">
        <h2 id="new-webhook" className="mb-3 text-lg font-semibold">
          New webhook
        </h2>
        <WebhookForm events={events} />
      </section>
      <section aria-labelledby="webhook-list">
        <h2 id="webhook-list" className="mb-2 text-lg font-semibold">
          Registered ({webhooks.length})
        </h2>
        {webhooks.length === 0 ? (
          <EmptyState>
            No webhook yet. Register one above to tell another system when a gate is requested or decided, a stage
            changes or a service goes down.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-surface px-4">
            {webhooks.map((webhook) => (
              <WebhookRow key={webhook.id} webhook={webhook} events={events} showingLog={webhook.id === logged?.id} />
            ))}
          </ul>
        )}
      </section>
      {logged && <DeliveryLog webhook={logged} deliveries={deliveries} />}
    </div>
  );
}
