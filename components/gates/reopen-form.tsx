"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { reopenUseCaseAction } from "@/server/actions/gates";

/** ADMIN: reopen a stopped use case, with the reason kept in the audit trail. */
export function ReopenForm({ useCaseKey }: { useCaseKey: string }) {
  const [reason, setReason] = useState("");
  const { pending, errors, message, run } = useSubmit();
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => reopenUseCaseAction(useCaseKey, { reason }));
  }
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Reopen the use case" noValidate>
      <Field label="Why reopen it?" error={errors.reason}>
        {(props) => <TextArea {...props} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Reopening…" : "Reopen the use case"}
      </Button>
    </form>
  );
}
