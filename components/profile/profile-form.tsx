"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { LOCALE_CHOICES } from "@/lib/locale";
import { updateProfileAction } from "@/server/actions/profile";

/** The user's own name, email-notification preference and language of dates and amounts. */
export function ProfileForm(props: {
  name: string;
  emailNotifications: boolean;
  locale: string | null;
  /** What the browser's language gives, for the "browser" option's label. */
  browserLocale: string;
}) {
  const [name, setName] = useState(props.name);
  const [emailNotifications, setEmailNotifications] = useState(props.emailNotifications);
  const [locale, setLocale] = useState(props.locale ?? "");
  const [saved, setSaved] = useState(false);
  const { pending, errors, message, run } = useSubmit(() => setSaved(true));
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await run(() => updateProfileAction({ name, emailNotifications, locale: locale || null }));
  }
  return (
    <form onSubmit={submit} className="max-w-lg space-y-3" aria-label="Profile" noValidate>
      <Field label="Name" error={errors.name} hint="Shown to others: owners, mentions, the audit trail.">
        {(a) => <TextInput {...a} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field
        label="Language of dates and amounts"
        error={errors.locale}
        hint="How dates, numbers and amounts are written for you. The currency stays the organisation's."
      >
        {(a) => (
          <Select {...a} value={locale} onChange={(e) => setLocale(e.target.value)}>
            <option value="">The browser's ({props.browserLocale})</option>
            {LOCALE_CHOICES.map((choice) => (
              <option key={choice.tag} value={choice.tag} lang={choice.tag}>
                {choice.label}
              </option>
            ))}
          </Select>
        )}
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
