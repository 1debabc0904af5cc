"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import type { ReviewDecision } from "@/lib/risk-screening";
import { reviewAssessmentAction } from "@/server/actions/risk";

/** The risk officer's review of a submitted screening: approve or request changes, with a rationale. */
export function ReviewForm({ useCaseKey, version }: { useCaseKey: string; version: number }) {
  const [decision, setDecision] = useState<ReviewDecision>("APPROVE");
  const [rationale, setRationale] = useState("");
  const { pending, errors, message, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => reviewAssessmentAction(useCaseKey, { decision, rationale, version }));
  }

  return (
    <form onSubmit={submit} aria-label="Review the screening" noValidate className="space-y-3">
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Decision</legend>
        {(
          [
            ["APPROVE", "Approve: the tier is right (it is then locked)"],
            ["REQUEST_CHANGES", "Request changes: send it back to the owner"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="decision"
              value={value}
              checked={decision === value}
              onChange={() => setDecision(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <Field label="Rationale" error={errors.rationale} hint="Why: the article or area it rests on, what to change.">
        {(props) => <TextArea {...props} rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />}
      </Field>
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record the review"}
      </Button>
    </form>
  );
}
