"use client";
import { type FormEvent, useState } from "react";
import { ChatEventsFieldset, ChatUrlField } from "@/components/chat-channels/chat-channel-fields";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { CHAT_EVENTS, CHAT_TOOL_LABELS, CHAT_TOOLS } from "@/lib/validation/chat-channel";
import { createChatChannelAction } from "@/server/actions/webhooks";

const URL_HINTS = {
  SLACK: "Slack: the app's Incoming Webhooks page, like https://hooks.slack.com/services/T…/B…/….",
  TEAMS: "Teams: the channel's Incoming Webhook (or a Workflows webhook) URL.",
} as const;

/** Add a Slack or Teams channel: every event chosen by default; the input is kept on errors. */
export function ChatChannelForm() {
  const empty = {
    tool: "SLACK" as (typeof CHAT_TOOLS)[number],
    name: "",
    url: "",
    events: [...CHAT_EVENTS] as string[],
  };
  const [values, setValues] = useState(empty);
  const { pending, errors, message, run } = useSubmit(() => setValues(empty));
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => createChatChannelAction(values));
  }
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" aria-label="Add a chat channel" noValidate>
      <Field label="Tool" error={errors.tool}>
        {(props) => (
          <Select
            {...props}
            value={values.tool}
            onChange={(e) => setValues({ ...values, tool: e.target.value as (typeof CHAT_TOOLS)[number] })}
          >
            {CHAT_TOOLS.map((tool) => (
              <option key={tool} value={tool}>
                {CHAT_TOOL_LABELS[tool]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Channel name" error={errors.name} hint="How you recognise it here, e.g. #ml-releases.">
        {(props) => (
          <TextInput {...props} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />
        )}
      </Field>
      <div className="sm:col-span-2">
        <ChatUrlField
          label="Incoming webhook URL"
          error={errors.url}
          hint={`${URL_HINTS[values.tool]} Stored encrypted and never shown again.`}
          value={values.url}
          onChange={(url) => setValues({ ...values, url })}
        />
      </div>
      <ChatEventsFieldset
        events={values.events}
        errors={errors}
        onChange={(events) => setValues({ ...values, events })}
      />
      {message && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-2">
          {message}
        </p>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add channel"}
        </Button>
      </div>
    </form>
  );
}
