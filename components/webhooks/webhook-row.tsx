"use client";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useSubmit } from "@/components/ui/use-submit";
import { deleteWebhookAction, rotateWebhookSecretAction } from "@/server/actions/webhooks";
import type { DeliveryDto, WebhookDto, WebhookWithSecretDto } from "@/server/webhooks/webhook-dto";
import { SecretNotice } from "./secret-notice";
import { LastDelivery, SendTestButton, TestResult } from "./send-test";
import { type EventOption, WebhookForm } from "./webhook-form";

/** One webhook: its events and last delivery; edit, send a test, rotate the secret, open the log, delete. */
export function WebhookRow({
  webhook,
  events,
  showingLog,
}: {
  webhook: WebhookDto;
  events: EventOption[];
  showingLog: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [tested, setTested] = useState<DeliveryDto | null>(null);
  const test = useSubmit<DeliveryDto>((delivery) => setTested(delivery));
  const rotate = useSubmit<WebhookWithSecretDto>((rotated) => setSecret(rotated.secret));
  const remove = useSubmit();
  const name = webhook.description || webhook.url;
  const failure = test.message ?? rotate.message ?? remove.message;
  return (
    <li className="space-y-2 py-3" aria-label={name}>
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-slate-900">
            {webhook.description || "Webhook"}{" "}
            {!webhook.active && <span className="text-xs font-normal text-slate-500">· inactive</span>}
          </p>
          <p className="truncate font-mono text-xs text-slate-600">{webhook.url}</p>
          <p className="text-xs text-slate-500">{webhook.events.join(", ")}</p>
        </div>
        <LastDelivery last={webhook.lastDelivery} />
        <SendTestButton webhookId={webhook.id} label={`Send test to ${name}`} test={test} />
        <Link
          href={showingLog ? "/admin/webhooks" : `/admin/webhooks?log=${webhook.id}#deliveries`}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50"
          aria-label={`Deliveries of ${name}`}
        >
          {showingLog ? "Hide deliveries" : "Deliveries"}
        </Link>
        {!editing && (
          <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setEditing(true)}>
            Edit
          </Button>
        )}
        <Button
          variant="ghost"
          className="px-2 py-1 text-xs"
          disabled={rotate.pending}
          onClick={() => {
            if (window.confirm("Rotate the signing secret? The current one stops working at once."))
              rotate.run(() => rotateWebhookSecretAction(webhook.id));
          }}
        >
          Rotate secret
        </Button>
        <Button
          variant="ghost"
          className="px-2 py-1 text-xs"
          disabled={remove.pending}
          aria-label={`Delete ${name}`}
          onClick={() => {
            if (window.confirm(`Delete ${name}? Its delivery log and pending deliveries go with it.`))
              remove.run(() => deleteWebhookAction(webhook.id));
          }}
        >
          Delete
        </Button>
      </div>
      {failure && (
        <p role="alert" className="text-sm text-rose-700">
          {failure}
        </p>
      )}
      <TestResult delivery={tested} what="Test" />
      {secret && <SecretNotice secret={secret} onDismiss={() => setSecret(null)} />}
      {editing && (
        <div className="rounded-md bg-slate-50 p-3">
          <WebhookForm events={events} webhook={webhook} onClose={() => setEditing(false)} />
        </div>
      )}
    </li>
  );
}
