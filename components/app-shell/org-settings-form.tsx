"use client";
import { type FormEvent, useState } from "react";
import { updateOrgSettingsAction } from "@/app/(app)/value-actions";
import { Button } from "@/components/ui/button";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";

export function OrgSettingsForm({ currency: initial, probeAllow }: { currency: string; probeAllow: string[] }) {
  const [currency, setCurrency] = useState(initial);
  const [allow, setAllow] = useState(probeAllow.join("\n"));
  const [saved, setSaved] = useState(false);
  const { pending, errors, message, run } = useSubmit(() => setSaved(true));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await run(() =>
      updateOrgSettingsAction({
        currency: currency.trim().toUpperCase(),
        probeAllow: allow
          .split(/[\n,]+/)
          .map((entry) => entry.trim())
          .filter(Boolean),
      }),
    );
  }
  return (
    <form onSubmit={submit} className="max-w-lg space-y-3" aria-label="Organisation settings" noValidate>
      <Field
        label="Organisation currency"
        error={errors.currency}
        hint="ISO 4217 code. The default for new use cases and estimates, and the currency of portfolio totals."
      >
        {(props) => (
          <TextInput {...props} maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value)} />
        )}
      </Field>
      <Field
        label="Private addresses the health probe may reach"
        error={errors.probeAllow}
        hint="One host name, IP address or CIDR per line (e.g. 10.20.0.0/16). Everything private is refused otherwise; cloud metadata always is."
      >
        {(props) => (
          <TextArea
            {...props}
            rows={4}
            className="font-mono text-xs"
            value={allow}
            onChange={(e) => setAllow(e.target.value)}
          />
        )}
      </Field>
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      {saved && (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
