"use client";
import { type FormEvent, useState } from "react";
import { requestGateAction } from "@/app/(app)/gates-actions";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { GATE_LIMITS } from "@/lib/validation/gate-limits";

/** The owner's request for the next gate's review: a note and evidence links (one per line). */
export function RequestGateForm({ useCaseKey, gateName }: { useCaseKey: string; gateName: string }) {
  const [note, setNote] = useState("");
  const [links, setLinks] = useState("");
  const { pending, errors, message, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const evidenceUrls = links
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const ok = await run(() => requestGateAction(useCaseKey, { note, evidenceUrls }));
    if (ok) {
      setNote("");
      setLinks("");
    }
  }

  const linkError = Object.entries(errors).find(([path]) => path.startsWith("evidenceUrls"))?.[1];
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Request the gate review" noValidate>
      <Field label="Note to the deciders" error={errors.note} hint="What you ask them to decide, and what changed.">
        {(props) => (
          <TextArea
            {...props}
            rows={3}
            maxLength={GATE_LIMITS.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <Field label="Evidence links" error={linkError} hint="One address per line: results, dashboards, notebooks.">
        {(props) => (
          <TextArea
            {...props}
            rows={2}
            value={links}
            onChange={(e) => setLinks(e.target.value)}
            placeholder="https://wiki.example.com/poc-results"
          />
        )}
      </Field>
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Requesting…" : `Request review: ${gateName}`}
      </Button>
    </form>
  );
}
