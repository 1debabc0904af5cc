"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { parseAmountInput } from "@/lib/money";
import { CONFIDENCE_LABELS, CONFIDENCES, EstimateSchema } from "@/lib/validation/value";
import { createEstimateAction } from "@/server/actions/value";

type Values = {
  ebitdaLow: string;
  ebitdaBase: string;
  ebitdaHigh: string;
  investment: string;
  runCostPerYear: string;
  horizonYears: string;
  currency: string;
  confidence: string;
  assumptions: string;
};

const AMOUNTS = [
  ["ebitdaLow", "Low EBITDA per year"],
  ["ebitdaBase", "Base EBITDA per year"],
  ["ebitdaHigh", "High EBITDA per year"],
  ["investment", "One-off investment"],
  ["runCostPerYear", "Run cost per year"],
] as const;

/** A new revision of the value estimate; prefilled with the current one; amounts accept thousands separators. */
export function EstimateForm({
  useCaseKey,
  initial,
  onDone,
}: {
  useCaseKey: string;
  initial: Values;
  onDone: () => void;
}) {
  const [values, setValues] = useState(initial);
  const { pending, errors, message, submit: send } = useSubmit(() => onDone());
  const set = (key: keyof Values, value: string) => setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      ebitdaLow: parseAmountInput(values.ebitdaLow),
      ebitdaBase: parseAmountInput(values.ebitdaBase),
      ebitdaHigh: parseAmountInput(values.ebitdaHigh),
      investment: parseAmountInput(values.investment),
      runCostPerYear: parseAmountInput(values.runCostPerYear),
      horizonYears: /^\d+$/.test(values.horizonYears.trim()) ? Number(values.horizonYears) : values.horizonYears,
      currency: values.currency.trim().toUpperCase(),
      confidence: values.confidence,
      assumptions: values.assumptions,
    };
    await send(EstimateSchema, input, (checked) => createEstimateAction(useCaseKey, checked));
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-md bg-slate-50 p-4"
      aria-label="Revise the estimate"
      noValidate
    >
      <div className="grid gap-3 sm:grid-cols-3">
        {AMOUNTS.map(([key, label]) => (
          <Field key={key} label={label} error={errors[key]}>
            {(props) => (
              <TextInput
                {...props}
                inputMode="decimal"
                value={values[key]}
                onChange={(e) => set(key, e.target.value)}
              />
            )}
          </Field>
        ))}
        <Field label="Horizon (years)" error={errors.horizonYears}>
          {(props) => (
            <TextInput
              {...props}
              inputMode="numeric"
              value={values.horizonYears}
              onChange={(e) => set("horizonYears", e.target.value)}
            />
          )}
        </Field>
        <Field label="Currency" error={errors.currency}>
          {(props) => (
            <TextInput
              {...props}
              maxLength={3}
              value={values.currency}
              onChange={(e) => set("currency", e.target.value)}
            />
          )}
        </Field>
        <Field label="Confidence" error={errors.confidence}>
          {(props) => (
            <Select {...props} value={values.confidence} onChange={(e) => set("confidence", e.target.value)}>
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {CONFIDENCE_LABELS[c]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field
        label="Assumptions"
        error={errors.assumptions}
        hint="What the figures rest on: volumes, uplift, adoption, prices."
      >
        {(props) => (
          <TextArea
            {...props}
            rows={3}
            value={values.assumptions}
            onChange={(e) => set("assumptions", e.target.value)}
          />
        )}
      </Field>
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save the revision"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
