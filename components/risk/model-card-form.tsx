"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { MODEL_CARD_FIELDS, type ModelCardText } from "@/lib/model-card";
import { saveModelCardAction } from "@/server/actions/risk";

/**
 * Write the model card: every field, saved together from the version read. A stale save says
 * so and keeps what the user typed (reload to see the other person's text).
 */
export function ModelCardForm({
  useCaseKey,
  card,
  version,
  highRisk,
}: {
  useCaseKey: string;
  card: ModelCardText;
  version: number;
  highRisk: boolean;
}) {
  const [text, setText] = useState<ModelCardText>(card);
  const [savedVersion, setSavedVersion] = useState(version);
  const [saved, setSaved] = useState(false);
  const { pending, errors, message, run } = useSubmit<{ version: number }>((data) => {
    setSavedVersion(data.version);
    setSaved(true);
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await run(() => saveModelCardAction(useCaseKey, { ...text, version: savedVersion }));
  }

  return (
    <form onSubmit={submit} aria-label="Edit the model card" noValidate className="space-y-4">
      {MODEL_CARD_FIELDS.map((field) => (
        <Field
          key={field.id}
          label={field.requiredForHigh && highRisk ? `${field.heading} (required for high risk)` : field.heading}
          error={errors[field.id]}
          hint={field.help}
        >
          {(props) => (
            <TextArea
              {...props}
              rows={3}
              value={text[field.id]}
              onChange={(e) => setText((current) => ({ ...current, [field.id]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      {saved && !message && (
        <p role="status" className="text-sm text-emerald-700">
          Model card saved.
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save the model card"}
      </Button>
    </form>
  );
}
