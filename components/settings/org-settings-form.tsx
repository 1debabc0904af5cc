"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { STAGE_LABELS, STAGES } from "@/lib/lifecycle";
import { parseAmountInput } from "@/lib/money";
import { parseHolidays } from "@/lib/working-days";
import { updateOrgSettingsAction } from "@/server/actions/settings";
import type { OrgSettingsDto } from "@/server/settings/org-settings";
import { ReviewDeadlineFields } from "./review-deadline-fields";

const wholeNumber = (text: string, invalid: number) => (/^\d+$/.test(text.trim()) ? Number(text) : invalid);

/**
 * The organisation's settings, saved with the version they were read at: when another admin
 * saved in between, the save is refused and "Load the latest" replaces the form's values.
 */
export function OrgSettingsForm({ settings }: { settings: OrgSettingsDto }) {
  const [version, setVersion] = useState(settings.version);
  const [currency, setCurrency] = useState(settings.currency);
  const [probabilities, setProbabilities] = useState(settings.stageProbabilities.map(String));
  const [stalled, setStalled] = useState(String(settings.stalledDays));
  const [interval, setInterval_] = useState(String(settings.probeIntervalMinutes));
  const [allow, setAllow] = useState(settings.probeAllow.join("\n"));
  const [dayRate, setDayRate] = useState(settings.peopleDayRate ?? "");
  const [deadlines, setDeadlines] = useState(settings.reviewDeadlineDays.map(String));
  const [holidays, setHolidays] = useState(settings.holidays.join("\n"));
  const [fileMb, setFileMb] = useState(String(settings.attachmentFileMb));
  const [useCaseMb, setUseCaseMb] = useState(String(settings.attachmentUseCaseMb));
  const [saved, setSaved] = useState(false);
  const [latest, setLatest] = useState<OrgSettingsDto | null>(null);
  const { pending, errors, message, setMessage, run } = useSubmit<OrgSettingsDto>(
    (data) => {
      setVersion(data.version);
      setSaved(true);
    },
    { onConflict: (current) => setLatest(current as OrgSettingsDto) },
  );
  function load(next: OrgSettingsDto) {
    setVersion(next.version);
    setCurrency(next.currency);
    setProbabilities(next.stageProbabilities.map(String));
    setStalled(String(next.stalledDays));
    setInterval_(String(next.probeIntervalMinutes));
    setAllow(next.probeAllow.join("\n"));
    setDayRate(next.peopleDayRate ?? "");
    setDeadlines(next.reviewDeadlineDays.map(String));
    setHolidays(next.holidays.join("\n"));
    setFileMb(String(next.attachmentFileMb));
    setUseCaseMb(String(next.attachmentUseCaseMb));
    setLatest(null);
    setMessage(null);
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setLatest(null);
    await run(() =>
      updateOrgSettingsAction({
        version,
        currency: currency.trim().toUpperCase(),
        stageProbabilities: probabilities.map((p) => wholeNumber(p, -1)),
        stalledDays: wholeNumber(stalled, 0),
        probeIntervalMinutes: wholeNumber(interval, 0),
        probeAllow: allow
          .split(/[\n,]+/)
          .map((entry) => entry.trim())
          .filter(Boolean),
        peopleDayRate: dayRate.trim() === "" ? null : parseAmountInput(dayRate),
        reviewDeadlineDays: deadlines.map((d) => wholeNumber(d, 0)),
        holidays: parseHolidays(holidays),
        attachmentFileMb: wholeNumber(fileMb, 0),
        attachmentUseCaseMb: wholeNumber(useCaseMb, 0),
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
        label="Probe each service every (minutes)"
        error={errors.probeIntervalMinutes}
        hint="1 to 1440. Applies from the next round (rounds run every minute), no restart needed."
      >
        {(props) => (
          <TextInput {...props} inputMode="numeric" value={interval} onChange={(e) => setInterval_(e.target.value)} />
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
      <Field
        label="People day rate"
        error={errors.peopleDayRate}
        hint="The cost of one FTE day in the organisation currency. People costs of use cases are FTE days × this rate; a change applies to costs recorded from then on."
      >
        {(props) => (
          <TextInput {...props} inputMode="decimal" value={dayRate} onChange={(e) => setDayRate(e.target.value)} />
        )}
      </Field>
      <ReviewDeadlineFields
        deadlines={deadlines}
        setDeadlines={setDeadlines}
        holidays={holidays}
        setHolidays={setHolidays}
        errors={errors}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Evidence files</legend>
        <div className="grid grid-cols-2 gap-2">
          <Field label="Largest file (MB)" error={errors.attachmentFileMb} hint="1 to 100.">
            {(props) => (
              <TextInput {...props} inputMode="numeric" value={fileMb} onChange={(e) => setFileMb(e.target.value)} />
            )}
          </Field>
          <Field label="All files of a use case (MB)" error={errors.attachmentUseCaseMb} hint="1 to 10240.">
            {(props) => (
              <TextInput
                {...props}
                inputMode="numeric"
                value={useCaseMb}
                onChange={(e) => setUseCaseMb(e.target.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>
      {message && (
        <div role="alert" className="space-y-2 text-sm text-rose-700">
          <p>
            {message}
            {latest ? " Your changes are kept in the form until you load the latest." : ""}
          </p>
          {latest && (
            <Button variant="secondary" onClick={() => load(latest)}>
              Load the latest
            </Button>
          )}
        </div>
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
