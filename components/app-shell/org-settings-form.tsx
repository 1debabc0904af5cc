"use client";
import { type FormEvent, useState } from "react";
import { updateOrgSettingsAction } from "@/app/(app)/value-actions";
import { Button } from "@/components/ui/button";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { STAGE_LABELS, STAGES } from "@/lib/lifecycle";

export function OrgSettingsForm({
  currency: initial,
  probeAllow,
  stageProbabilities,
  stalledDays,
}: {
  currency: string;
  probeAllow: string[];
  stageProbabilities: number[];
  stalledDays: number;
}) {
  const [currency, setCurrency] = useState(initial);
  const [probabilities, setProbabilities] = useState(stageProbabilities.map(String));
  const [stalled, setStalled] = useState(String(stalledDays));
  const [allow, setAllow] = useState(probeAllow.join("\n"));
  const [saved, setSaved] = useState(false);
  const { pending, errors, message, run } = useSubmit(() => setSaved(true));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await run(() =>
      updateOrgSettingsAction({
        currency: currency.trim().toUpperCase(),
        stageProbabilities: probabilities.map((p) => (/^\d+$/.test(p.trim()) ? Number(p) : -1)),
        stalledDays: /^\d+$/.test(stalled.trim()) ? Number(stalled) : 0,
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
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Probability of delivering, per stage (%)</legend>
        <p className="text-xs text-slate-500">
          The weighted pipeline is the base EBITDA of each stage times its probability.
        </p>
        <div className="grid grid-cols-4 gap-2">
          {STAGES.map((stage, index) => (
            <Field key={stage} label={STAGE_LABELS[stage]}>
              {(props) => (
                <TextInput
                  {...props}
                  inputMode="numeric"
                  value={probabilities[index] ?? ""}
                  onChange={(e) =>
                    setProbabilities((current) => current.map((p, i) => (i === index ? e.target.value : p)))
                  }
                />
              )}
            </Field>
          ))}
        </div>
        {errors.stageProbabilities && <p className="text-sm text-rose-600">{errors.stageProbabilities}</p>}
        {Object.entries(errors)
          .filter(([path]) => path.startsWith("stageProbabilities."))
          .slice(0, 1)
          .map(([path, text]) => (
            <p key={path} className="text-sm text-rose-600">
              {text}
            </p>
          ))}
      </fieldset>
      <Field label="Stalled after (days without a change)" error={errors.stalledDays}>
        {(props) => (
          <TextInput {...props} inputMode="numeric" value={stalled} onChange={(e) => setStalled(e.target.value)} />
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
