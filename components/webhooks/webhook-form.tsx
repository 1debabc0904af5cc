"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { createWebhookAction, updateWebhookAction } from "@/server/actions/webhooks";
import type { WebhookDto } from "@/server/webhooks/webhook-dto";
import { SecretNotice } from "./secret-notice";

export type EventOption = { value: string; label: string };

/**
 * Register a webhook, or edit one (with the version it was opened at). The input is kept
 * on errors; a new webhook's secret is shown once below the form.
 */
export function WebhookForm({
  events,
  webhook,
  onClose,
}: {
  events: EventOption[];
  webhook?: WebhookDto;
  onClose?: () => void;
}) {
  const empty = { url: "", description: "", events: [] as string[], active: true };
  const [values, setValues] = useState(
    webhook
      ? { url: webhook.url, description: webhook.description, events: webhook.events, active: webhook.active }
      : empty,
  );
  const [secret, setSecret] = useState<string | null>(null);
  const { pending, errors, message, run } = useSubmit<WebhookDto & { secret?: string }>((saved) => {
    if (webhook) onClose?.();
    else {
      setSecret(saved.secret ?? null);
      setValues(empty);
    }
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() =>
      webhook ? updateWebhookAction(webhook.id, { ...values, version: webhook.version }) : createWebhookAction(values),
    );
  }
  const toggle = (value: string, on: boolean) =>
    setValues((current) => ({
      ...current,
      events: on ? [...current.events, value] : current.events.filter((e) => e !== value),
    }));
  const label = webhook ? `Edit webhook ${webhook.url}` : "New webhook";
  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" aria-label={label} noValidate>
        <Field label="Address" error={errors.url} hint="http(s); a private address must be allowed in Settings.">
          {(props) => (
            <TextInput
              {...props}
              type="url"
              placeholder="https://hooks.example.com/roadbook"
              value={values.url}
              onChange={(e) => setValues({ ...values, url: e.target.value })}
            />
          )}
        </Field>
        <Field label="Description" error={errors.description}>
          {(props) => (
            <TextInput
              {...props}
              placeholder="Jenkins deployment job"
              value={values.description}
              onChange={(e) => setValues({ ...values, description: e.target.value })}
            />
          )}
        </Field>
        <fieldset className="space-y-1 sm:col-span-2" aria-invalid={Boolean(errors.events)}>
          <legend className="text-sm font-medium text-slate-700">Events</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {events.map((event) => (
              <label key={event.value} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={values.events.includes(event.value)}
                  onChange={(e) => toggle(event.value, e.target.checked)}
                />
                <span>
                  <code className="text-xs">{event.value}</code> · {event.label}
                </span>
              </label>
            ))}
          </div>
          {(errors.events || errors["events.0"]) && (
            <p className="text-sm text-rose-600">{errors.events ?? errors["events.0"]}</p>
          )}
        </fieldset>
        <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
          <input
            type="checkbox"
            checked={values.active}
            onChange={(e) => setValues({ ...values, active: e.target.checked })}
          />
          Active (inactive webhooks get no events; "Send test" still works)
        </label>
        {message && (
          <p role="alert" className="text-sm text-rose-700 sm:col-span-2">
            {message}
          </p>
        )}
        <div className="flex gap-2 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : webhook ? "Save" : "Add webhook"}
          </Button>
          {onClose && (
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
          )}
        </div>
      </form>
      {secret && <SecretNotice secret={secret} onDismiss={() => setSecret(null)} />}
    </div>
  );
}
