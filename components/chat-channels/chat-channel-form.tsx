"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { CHAT_EVENT_LABELS, CHAT_EVENTS, CHAT_TOOL_LABELS, CHAT_TOOLS } from "@/lib/validation/chat-channel";
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
  const toggle = (value: string, on: boolean) =>
    setValues((current) => ({
      ...current,
      events: on ? [...current.events, value] : current.events.filter((e) => e !== value),
    }));
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
        <Field
          label="Incoming webhook URL"
          error={errors.url}
          hint={`${URL_HINTS[values.tool]} Stored encrypted and never shown again.`}
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
      </div>
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
