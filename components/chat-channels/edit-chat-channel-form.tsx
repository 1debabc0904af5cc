"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { CHAT_EVENT_LABELS, CHAT_EVENTS, CHAT_TOOL_LABELS } from "@/lib/validation/chat-channel";
import { updateChatChannelAction } from "@/server/actions/webhooks";
import type { ChatChannelDto } from "@/server/webhooks/chat-channels";

/**
 * Edit a channel's name, events and (when pasted) a new incoming-webhook URL: the stored URL is
 * never shown, so an empty field keeps it. The input is kept on errors; when someone else saved
 * first, the form says so and offers a reload.
 */
export function EditChatChannelForm({ channel, onClose }: { channel: ChatChannelDto; onClose: () => void }) {
  const [values, setValues] = useState({ name: channel.name, url: "", events: channel.events });
  // The version the form was filled from: a refresh arriving while it is open must not make
  // stale input look current (it gets the 409 instead).
  const [version] = useState(channel.version);
  const [conflict, setConflict] = useState(false);
  const { pending, errors, message, run } = useSubmit(() => onClose());
  const label = `${CHAT_TOOL_LABELS[channel.tool]} ${channel.name}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const result = await updateChatChannelAction(channel.id, {
        name: values.name,
        events: values.events,
        ...(values.url.trim() ? { url: values.url.trim() } : {}),
        version,
      });
      setConflict(!result.ok && Boolean(result.conflict));
      return result;
    });
  }
  const toggle = (value: string, on: boolean) =>
    setValues((current) => ({
      ...current,
      events: on ? [...current.events, value] : current.events.filter((e) => e !== value),
    }));
  return (
    <form
      onSubmit={submit}
      className="grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-2"
      aria-label={`Edit ${label}`}
      noValidate
    >
      <Field label="Channel name" error={errors.name}>
        {(props) => (
          <TextInput {...props} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />
        )}
      </Field>
      <Field
        label="New incoming webhook URL"
        error={errors.url}
        hint={`Leave empty to keep the current one (${channel.shownUrl}). A new one is stored encrypted.`}
      >
        {(props) => (
          <TextInput
            {...props}
            type="url"
            autoComplete="off"
            spellCheck={false}
            value={values.url}
            onChange={(e) => setValues({ ...values, url: e.target.value })}
          />
        )}
      </Field>
      <fieldset className="space-y-1 sm:col-span-2" aria-invalid={Boolean(errors.events)}>
        <legend className="text-sm font-medium text-slate-700">Events to post</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {CHAT_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={values.events.includes(event)}
                onChange={(e) => toggle(event, e.target.checked)}
              />
              {CHAT_EVENT_LABELS[event]}
            </label>
          ))}
        </div>
        {(errors.events || errors["events.0"]) && (
          <p className="text-sm text-rose-600">{errors.events ?? errors["events.0"]}</p>
        )}
      </fieldset>
      {message && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-2">
          {message}
          {conflict && " Your input is kept; reload to see their change."}
        </p>
      )}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save channel"}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        {conflict && (
          <Button variant="secondary" onClick={() => window.location.reload()}>
            Reload
          </Button>
        )}
      </div>
    </form>
  );
}
