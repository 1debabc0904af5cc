"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { type ClientSchema, useSubmit } from "@/components/ui/use-submit";
import type { ActionResult } from "@/lib/action-result";
import { BENEFIT_AREA_LABELS, BENEFIT_AREAS, ROLE_LABELS, type Role } from "@/lib/lifecycle";
import { LIMITS } from "@/lib/validation/use-case";
import type { UseCaseFormValues } from "./form-values";
import { toInput } from "./form-values";
import { TagInput } from "./tag-input";

export type Person = { id: string; name: string; role: Role };

type Props<T> = {
  initial: UseCaseFormValues;
  people: Person[];
  /** The shared zod schema the server also applies; checked here first for instant messages. */
  schema: ClientSchema;
  /** Extra fields sent with the input (the version, for edits). */
  extra?: Record<string, unknown>;
  submitLabel: string;
  onSubmit: (input: Record<string, unknown>) => Promise<ActionResult<T>>;
  onSaved: (data: T) => void;
  onCancel?: () => void;
  onConflict?: (current: unknown) => void;
};

const CURRENCIES = ["EUR", "USD", "GBP", "CHF"];

export function UseCaseForm<T>({
  initial,
  people,
  schema,
  extra,
  submitLabel,
  onSubmit,
  onSaved,
  onCancel,
  onConflict,
}: Props<T>) {
  const [values, setValues] = useState(initial);
  const { pending, errors, message, submit: send } = useSubmit(onSaved, { onConflict, refresh: false });

  const set = <K extends keyof UseCaseFormValues>(key: K, value: UseCaseFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const setAmount = (key: "low" | "base" | "high" | "currency", value: string) =>
    setValues((current) => ({ ...current, ebitda: { ...current.ebitda, [key]: value } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(schema, { ...toInput(values), ...extra }, onSubmit);
  }

  const error = (path: string) => errors[path];
  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-busy={pending}>
      {message && (
        <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
          {message}
        </div>
      )}
      <section className="space-y-4">
        <Field label="Title" error={error("title")} hint="A short name the business will recognise.">
          {(a) => (
            <TextInput
              {...a}
              value={values.title}
              maxLength={LIMITS.title + 50}
              onChange={(e) => set("title", e.target.value)}
              invalid={a["aria-invalid"]}
            />
          )}
        </Field>
        <Field label="Summary" error={error("summary")} hint="The business need in a few sentences.">
          {(a) => (
            <TextArea
              {...a}
              rows={3}
              value={values.summary}
              onChange={(e) => set("summary", e.target.value)}
              invalid={a["aria-invalid"]}
            />
          )}
        </Field>
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Output" error={error("output")} hint="What the model predicts.">
            {(a) => (
              <TextArea
                {...a}
                rows={3}
                value={values.output}
                onChange={(e) => set("output", e.target.value)}
                invalid={a["aria-invalid"]}
              />
            )}
          </Field>
          <Field label="Outcome" error={error("outcome")} hint="Why it matters: the business purpose.">
            {(a) => (
              <TextArea
                {...a}
                rows={3}
                value={values.outcome}
                onChange={(e) => set("outcome", e.target.value)}
                invalid={a["aria-invalid"]}
              />
            )}
          </Field>
        </div>
        <Field
          label="POC result"
          error={error("pocResult")}
          hint="What the proof of concept showed (data quality, first model performance)."
        >
          {(a) => (
            <TextArea
              {...a}
              rows={3}
              value={values.pocResult}
              onChange={(e) => set("pocResult", e.target.value)}
              invalid={a["aria-invalid"]}
            />
          )}
        </Field>
        <Field
          label="Tags"
          error={error("tags") ?? Object.entries(errors).find(([path]) => path.startsWith("tags."))?.[1]}
          hint="Free labels to find and group use cases (e.g. churn, genai): choose one in use or type a new one."
        >
          {(a) => (
            <TagInput
              id={a.id}
              value={values.tags}
              onChange={(tags) => set("tags", tags)}
              invalid={a["aria-invalid"]}
              describedBy={a["aria-describedby"]}
            />
          )}
        </Field>
      </section>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">Value</legend>
        <Field label="Benefit area" error={error("benefitArea")}>
          {(a) => (
            <Select
              {...a}
              value={values.benefitArea}
              onChange={(e) => set("benefitArea", e.target.value as UseCaseFormValues["benefitArea"])}
              invalid={a["aria-invalid"]}
            >
              <option value="">Not decided yet</option>
              {BENEFIT_AREAS.map((area) => (
                <option key={area} value={area}>
                  {BENEFIT_AREA_LABELS[area]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <p className="text-sm text-slate-600">
          Expected EBITDA impact per year, as a range. Leave all three empty if it is too early to say.
        </p>
        <div className="grid gap-4 sm:grid-cols-4">
          <Field label="EBITDA low" error={error("ebitda.low")}>
            {(a) => (
              <TextInput
                {...a}
                inputMode="decimal"
                value={values.ebitda.low}
                onChange={(e) => setAmount("low", e.target.value)}
                invalid={a["aria-invalid"]}
                placeholder="800000"
              />
            )}
          </Field>
          <Field label="EBITDA base" error={error("ebitda.base")}>
            {(a) => (
              <TextInput
                {...a}
                inputMode="decimal"
                value={values.ebitda.base}
                onChange={(e) => setAmount("base", e.target.value)}
                invalid={a["aria-invalid"]}
                placeholder="1200000"
              />
            )}
          </Field>
          <Field label="EBITDA high" error={error("ebitda.high")}>
            {(a) => (
              <TextInput
                {...a}
                inputMode="decimal"
                value={values.ebitda.high}
                onChange={(e) => setAmount("high", e.target.value)}
                invalid={a["aria-invalid"]}
                placeholder="1900000"
              />
            )}
          </Field>
          <Field label="Currency" error={error("ebitda.currency")}>
            {(a) => (
              <Select
                {...a}
                value={values.ebitda.currency}
                onChange={(e) => setAmount("currency", e.target.value)}
                invalid={a["aria-invalid"]}
              >
                {[...new Set([values.ebitda.currency, ...CURRENCIES])].map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-slate-200 p-4 md:grid-cols-2">
        <legend className="px-1 text-sm font-semibold text-slate-800">People</legend>
        <Field label="Owner" error={error("ownerId")} hint="Usually the data scientist who runs it.">
          {(a) => (
            <Select
              {...a}
              value={values.ownerId}
              onChange={(e) => set("ownerId", e.target.value)}
              invalid={a["aria-invalid"]}
            >
              <PeopleOptions people={people} />
            </Select>
          )}
        </Field>
        <Field label="Sponsor" error={error("sponsorId")} hint="The business stakeholder accountable for the value.">
          {(a) => (
            <Select
              {...a}
              value={values.sponsorId}
              onChange={(e) => set("sponsorId", e.target.value)}
              invalid={a["aria-invalid"]}
            >
              <option value="">No sponsor yet</option>
              <PeopleOptions people={people} />
            </Select>
          )}
        </Field>
      </fieldset>

      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

function PeopleOptions({ people }: { people: Person[] }) {
  return people.map((p) => (
    <option key={p.id} value={p.id}>
      {p.name} ({ROLE_LABELS[p.role]})
    </option>
  ));
}
