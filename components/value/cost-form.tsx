"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { parseAmountInput } from "@/lib/money";
import { COST_CATEGORIES, COST_CATEGORY_LABELS, type CostCategory } from "@/lib/validation/cost-categories";
import { createCostAction } from "@/server/actions/value";

/** One month's cost in one category: people as FTE days (priced at the settings' day rate), the rest as an amount. */
export function CostForm({
  useCaseKey,
  defaultPeriod,
  dayRateText,
}: {
  useCaseKey: string;
  defaultPeriod: string;
  /** The day rate as shown ("€800 per FTE day"), or null when none is set. */
  dayRateText: string | null;
}) {
  const [period, setPeriod] = useState(defaultPeriod);
  const [category, setCategory] = useState<CostCategory>("CLOUD");
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const { pending, errors, message, run } = useSubmit(() => {
    setValue("");
    setNote("");
  });
  const people = category === "PEOPLE";
  async function submit(event: FormEvent) {
    event.preventDefault();
    const figure = parseAmountInput(value);
    await run(() =>
      createCostAction(useCaseKey, {
        period,
        category,
        ...(people ? { fteDays: figure } : { amount: figure }),
        note,
      }),
    );
  }
  return (
    <form
      onSubmit={submit}
      className="grid gap-3 sm:grid-cols-[10rem_9rem_11rem_1fr_auto] sm:items-end"
      aria-label="Record a cost"
      noValidate
    >
      <Field label="Cost month" error={errors.period}>
        {(props) => <TextInput {...props} type="month" value={period} onChange={(e) => setPeriod(e.target.value)} />}
      </Field>
      <Field label="Category" error={errors.category}>
        {(props) => (
          <Select {...props} value={category} onChange={(e) => setCategory(e.target.value as CostCategory)}>
            {COST_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {COST_CATEGORY_LABELS[c]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label={people ? "FTE days" : "Amount"}
        error={people ? errors.fteDays : errors.amount}
        hint={people ? (dayRateText ?? "No day rate is set in Settings yet.") : undefined}
      >
        {(props) => (
          <TextInput {...props} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        )}
      </Field>
      <Field label="Cost note (optional)" error={errors.note}>
        {(props) => <TextInput {...props} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Record cost"}
      </Button>
      {message && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-5">
          {message}
        </p>
      )}
    </form>
  );
}
