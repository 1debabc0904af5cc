"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { updateProfileAction } from "@/server/actions/profile";

/** The user's own name and email-notification preference. */
export function ProfileForm(props: { name: string; emailNotifications: boolean }) {
  const [name, setName] = useState(props.name);
  const [emailNotifications, setEmailNotifications] = useState(props.emailNotifications);
  const [saved, setSaved] = useState(false);
  const { pending, errors, message, run } = useSubmit(() => setSaved(true));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await run(() => updateProfileAction({ name, emailNotifications }));
  }
  return (
    <form onSubmit={submit} className="max-w-lg space-y-3" aria-label="Profile" noValidate>
      <Field label="Name" error={errors.name} hint="Shown to others: owners, mentions, the audit trail.">
        {(a) => <TextInput {...a} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={emailNotifications}
          onChange={(e) => setEmailNotifications(e.target.checked)}
        />
        <span>
          <span className="font-medium text-slate-700">Email me my notifications</span>
          <span className="block text-xs text-slate-500">
            Batched, when the organisation has set up email. They are always in the app too.
          </span>
        </span>
      </label>
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      {saved && (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
