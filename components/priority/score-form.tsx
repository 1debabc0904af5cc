"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { type CriterionInput, priorityScore, type ScoringModelDefinition } from "@/lib/priority-score";
import { putScoresAction } from "@/server/actions/priority";

export type ScorableCriterion = {
  key: string;
  label: string;
  guidance: string[];
  /** The other people's scores on it (sum and count), for the preview. */
  others: { sum: number; count: number };
  mine: { value: number; comment: string } | null;
};

/**
 * The reader's own 1–5 per criterion with a comment, and a preview of the total as it would
 * be after saving, computed by the same function as the server's.
 */
export function ScoreForm({
  useCaseKey,
  model,
  criteria,
  derived,
}: {
  useCaseKey: string;
  model: ScoringModelDefinition;
  criteria: ScorableCriterion[];
  /** The derived criteria's 1–5 (null when their source is missing). */
  derived: Record<string, number | null>;
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.key, c.mine ? String(c.mine.value) : ""])),
  );
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.key, c.mine?.comment ?? ""])),
  );
  const { pending, errors, message, run } = useSubmit();
  const inputs: Record<string, CriterionInput> = {};
  for (const [key, value] of Object.entries(derived)) inputs[key] = value == null ? null : { derived: value };
  for (const c of criteria) {
    const mine = Number(values[c.key]) || 0;
    inputs[c.key] = { sum: c.others.sum + mine, count: c.others.count + (mine ? 1 : 0) };
  }
  const preview = priorityScore(model, inputs);
  const chosen = criteria.filter((c) => values[c.key]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() =>
      putScoresAction(useCaseKey, {
        scores: chosen.map((c) => ({ criterion: c.key, value: values[c.key], comment: comments[c.key] ?? "" })),
      }),
    );
  }
  return (
    <form onSubmit={submit} aria-label="Your scores" className="space-y-4" noValidate>
      {criteria.map((c) => {
        const at = chosen.indexOf(c);
        return (
          <fieldset key={c.key} className="grid gap-3 sm:grid-cols-[16rem_1fr] sm:items-end">
            <legend className="sr-only">{c.label}</legend>
            <Field
              label={`${c.label} (your score)`}
              error={errors[`scores.${at}.value`] ?? errors[`scores.${at}.criterion`]}
            >
              {(props) => (
                <Select
                  {...props}
                  value={values[c.key]}
                  onChange={(e) => setValues({ ...values, [c.key]: e.target.value })}
                >
                  <option value="">Not scored</option>
                  {c.guidance.map((text, level) => (
                    <option key={text || level} value={String(level + 1)}>
                      {level + 1}: {text}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={`Why (${c.label.toLowerCase()})`} error={errors[`scores.${at}.comment`]}>
              {(props) => (
                <TextInput
                  {...props}
                  value={comments[c.key]}
                  maxLength={1000}
                  onChange={(e) => setComments({ ...comments, [c.key]: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
        );
      })}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending || chosen.length === 0}>
          {pending ? "Saving…" : "Save my scores"}
        </Button>
        <p className="text-sm text-slate-600" aria-live="polite">
          Total with your scores: <strong>{preview == null ? "not scored yet" : `${preview.toFixed(1)} / 100`}</strong>
        </p>
      </div>
      {(message || errors.scores) && (
        <p role="alert" className="text-sm text-rose-700">
          {errors.scores ?? message}
        </p>
      )}
    </form>
  );
}
