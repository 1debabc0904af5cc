"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { parseAmountInput } from "@/lib/money";
import { createActualAction } from "@/server/actions/value";

/** One month of realised EBITDA. */
export function ActualForm({ useCaseKey, defaultPeriod }: { useCaseKey: string; defaultPeriod: string }) {
  const [period, setPeriod] = useState(defaultPeriod);
  const [ebitda, setEbitda] = useState("");
  const [note, setNote] = useState("");
  const { pending, errors, message, run } = useSubmit(() => {
    setEbitda("");
    setNote("");
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => createActualAction(useCaseKey, { period, ebitda: parseAmountInput(ebitda), note }));
  }
  return (
    <form
      onSubmit={submit}
      className="grid gap-3 sm:grid-cols-[10rem_12rem_1fr_auto] sm:items-end"
      aria-label="Record realised value"
      noValidate
    >
      <Field label="Month" error={errors.period}>
        {(props) => <TextInput {...props} type="month" value={period} onChange={(e) => setPeriod(e.target.value)} />}
      </Field>
      <Field label="Realised EBITDA" error={errors.ebitda}>
        {(props) => (
          <TextInput {...props} inputMode="decimal" value={ebitda} onChange={(e) => setEbitda(e.target.value)} />
        )}
      </Field>
      <Field label="Note (optional)" error={errors.note}>
        {(props) => <TextInput {...props} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Record"}
      </Button>
      {message && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-4">
          {message}
        </p>
      )}
    </form>
  );
}
