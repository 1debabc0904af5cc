"use client";
import { type FormEvent, useState } from "react";
import { ChatEventsFieldset, ChatUrlField } from "@/components/chat-channels/chat-channel-fields";
import { EditActions } from "@/components/ui/edit-actions";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { CHAT_TOOL_LABELS } from "@/lib/validation/chat-channel";
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
  const { pending, errors, message, run } = useSubmit(() => onClose(), { onConflict: () => setConflict(true) });
  const label = `${CHAT_TOOL_LABELS[channel.tool]} ${channel.name}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setConflict(false);
    await run(() =>
      updateChatChannelAction(channel.id, {
        name: values.name,
        events: values.events,
        ...(values.url.trim() ? { url: values.url.trim() } : {}),
        version,
      }),
    );
  }
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
      <ChatUrlField
        label="New incoming webhook URL"
        error={errors.url}
        hint={`Leave empty to keep the current one (${channel.shownUrl}). A new one is stored encrypted.`}
        value={values.url}
        onChange={(url) => setValues({ ...values, url })}
      />
      <ChatEventsFieldset
        events={values.events}
        errors={errors}
        onChange={(events) => setValues({ ...values, events })}
      />
      <EditActions
        message={message}
        conflict={conflict}
        pending={pending}
        onClose={onClose}
        saveLabel="Save channel"
        span="sm:col-span-2"
      />
    </form>
  );
}
