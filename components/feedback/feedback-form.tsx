"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { createFeedbackAction } from "@/server/actions/feedback";

export function FeedbackForm({ useCaseKey }: { useCaseKey: string }) {
  const [text, setText] = useState("");
  const [rating, setRating] = useState("");
  const { pending, errors, message, run } = useSubmit();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await run(() => createFeedbackAction(useCaseKey, { text, rating: rating ? Number(rating) : null }));
    if (ok) {
      setText("");
      setRating("");
    }
  }
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_10rem]" aria-label="Record feedback" noValidate>
      <Field label="Feedback" error={errors.text}>
        {(props) => <TextArea {...props} rows={2} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field label="Rating (optional)" error={errors.rating}>
        {(props) => (
          <Select {...props} value={rating} onChange={(e) => setRating(e.target.value)}>
            <option value="">No rating</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {n} / 5
              </option>
            ))}
          </Select>
        )}
      </Field>
      {message && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-2">
          {message}
        </p>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Add feedback"}
        </Button>
      </div>
    </form>
  );
}
