"use client";
import { Field, TextInput } from "@/components/ui/field";
import { CHAT_EVENT_LABELS, CHAT_EVENTS } from "@/lib/validation/chat-channel";

/** The incoming-webhook URL of a channel, in the add and the edit form (their label and hint differ). */
export function ChatUrlField({
  label,
  hint,
  error,
  value,
  onChange,
}: {
  label: string;
  hint: string;
  error?: string;
  value: string;
  onChange: (url: string) => void;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => (
        <TextInput
          {...props}
          type="url"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The events a channel posts, one checkbox each, in the add and the edit form. */
export function ChatEventsFieldset({
  events,
  errors,
  onChange,
}: {
  events: string[];
  errors: Record<string, string>;
  onChange: (events: string[]) => void;
}) {
  const error = errors.events ?? errors["events.0"];
  return (
    <fieldset className="space-y-1 sm:col-span-2" aria-invalid={Boolean(errors.events)}>
      <legend className="text-sm font-medium text-slate-700">Events to post</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {CHAT_EVENTS.map((event) => (
          <label key={event} className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={events.includes(event)}
              onChange={(e) => onChange(e.target.checked ? [...events, event] : events.filter((x) => x !== event))}
            />
            {CHAT_EVENT_LABELS[event]}
          </label>
        ))}
      </div>
      {error && <p className="text-sm text-rose-600">{error}</p>}
    </fieldset>
  );
}
