"use client";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { SNAPSHOT_NAME_MAX } from "@/lib/funding-compare";
import { createFundingSnapshotAction } from "@/server/actions/priority";
import type { FundingSnapshotSummaryDto } from "@/server/priority/funding-snapshots";

/** Freeze the ranked list now, under a name (BUSINESS and admins). A refused name keeps what was typed. */
export function TakeSnapshotForm() {
  const [name, setName] = useState("");
  const [taken, setTaken] = useState<FundingSnapshotSummaryDto | null>(null);
  const { pending, errors, message, run } = useSubmit<FundingSnapshotSummaryDto>((snapshot) => {
    setTaken(snapshot);
    setName("");
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    setTaken(null);
    await run(() => createFundingSnapshotAction({ name }));
  }
  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="flex flex-wrap items-start gap-3" aria-label="Take a snapshot" noValidate>
        <div className="min-w-64 flex-1">
          <Field
            label="Snapshot name"
            hint={`What the round is, e.g. “Q3 2027 funding round” (at most ${SNAPSHOT_NAME_MAX} characters).`}
            error={errors.name}
          >
            {(props) => <TextInput {...props} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
        </div>
        {/* Level with the input: below a label's height. */}
        <div className="pt-6">
          <Button type="submit" disabled={pending}>
            {pending ? "Taking the snapshot…" : "Take a snapshot"}
          </Button>
        </div>
      </form>
      {taken && (
        <p role="status" className="text-sm text-emerald-800">
          Snapshot “{taken.name}” taken: {taken.count} ranked use {taken.count === 1 ? "case" : "cases"}.{" "}
          <Link href={`/portfolio/funding/${taken.id}`} className="text-brand-700 underline">
            Open it
          </Link>
        </p>
      )}
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
    </div>
  );
}
