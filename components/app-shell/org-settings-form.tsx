"use client";
import { type FormEvent, useState } from "react";
import { updateOrgSettingsAction } from "@/app/(app)/value-actions";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";

export function OrgSettingsForm({ currency: initial }: { currency: string }) {
  const [currency, setCurrency] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { pending, errors, message, run } = useSubmit(() => setSaved(true));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await run(() => updateOrgSettingsAction({ currency: currency.trim().toUpperCase() }));
  }
  return (
    <form onSubmit={submit} className="max-w-sm space-y-3" aria-label="Organisation settings" noValidate>
      <Field
        label="Organisation currency"
        error={errors.currency}
        hint="ISO 4217 code. The default for new use cases and estimates, and the currency of portfolio totals."
      >
        {(props) => (
          <TextInput {...props} maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value)} />
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
