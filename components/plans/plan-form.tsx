"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { STAGE_LABELS } from "@/lib/lifecycle";
import { PLAN_FIELDS, PLANNED_STAGES, type PlanTargets } from "@/lib/plan";
import { setPlanAction } from "@/server/actions/plans";

/**
 * The plan's form: a planned day per later stage (empty: none). It sends the version it started
 * from; when someone saved first, the form keeps the user's days and says so, and the next save
 * replaces theirs.
 */
export function PlanForm({
  useCaseKey,
  targets,
  version,
}: {
  useCaseKey: string;
  targets: PlanTargets;
  version: number;
}) {
  const [values, setValues] = useState<Record<string, string>>({
    prototype: targets.prototype ?? "",
    packaging: targets.packaging ?? "",
    production: targets.production ?? "",
  });
  const [from, setFrom] = useState(version);
  const [saved, setSaved] = useState(false);
  const { pending, errors, message, run } = useSubmit<{ version: number }>(
    (plan) => {
      setFrom(plan.version);
      setSaved(true);
    },
    {
      onConflict: (current) => {
        const latest = (current as { version?: number }).version;
        if (latest !== undefined) setFrom(latest);
      },
    },
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await run(() => setPlanAction(useCaseKey, { version: from, ...values }));
  }
  return (
    <form onSubmit={submit} aria-label="Plan" noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        {PLANNED_STAGES.map((stage) => {
          const field = PLAN_FIELDS[stage];
          return (
            <Field key={stage} label={`${STAGE_LABELS[stage]}: planned entry`} error={errors[field]}>
              {(props) => (
                <TextInput
                  {...props}
                  type="date"
                  name={field}
                  value={values[field]}
                  onChange={(event) => setValues((old) => ({ ...old, [field]: event.target.value }))}
                />
              )}
            </Field>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save plan"}
        </Button>
        <p role="status" className="text-sm text-emerald-700">
          {saved && !pending ? "Plan saved." : ""}
        </p>
      </div>
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
    </form>
  );
}
