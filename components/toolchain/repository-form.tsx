"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { setRepositoryAction } from "@/server/actions/registry";

/** The use case's code repository: any Git host's URL (its form is checked; no network call). */
export function RepositoryForm({ useCaseKey, url }: { useCaseKey: string; url: string | null }) {
  const [value, setValue] = useState(url ?? "");
  const { pending, errors, message, run } = useSubmit();
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => setRepositoryAction(useCaseKey, { url: value }));
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-start gap-3" aria-label="Code repository" noValidate>
      <div className="min-w-64 flex-1">
        <Field label="Repository URL" error={errors.url} hint="GitHub, GitLab, Bitbucket, Gitea… (https).">
          {(props) => (
            <TextInput
              {...props}
              type="url"
              placeholder="https://git.example.com/team/churn"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="pt-6">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save repository"}
        </Button>
      </div>
      {message && (
        <p role="alert" className="w-full text-sm text-rose-700">
          {message}
        </p>
      )}
    </form>
  );
}
