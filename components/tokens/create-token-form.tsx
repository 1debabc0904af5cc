"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { createApiTokenAction } from "@/server/actions/api-tokens";

/** Create a token; its secret is shown here once, with a copy button, and never again. */
export function CreateTokenForm() {
  const [name, setName] = useState("");
  const [scope, setScope] = useState("read-only");
  const [days, setDays] = useState("90");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const { pending, errors, message, run } = useSubmit<{ name: string; token: string }>((data) => {
    setCreated({ name: data.name, token: data.token });
    setCopied(false);
    setName("");
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    // A non-number lifetime goes to the server as is: it answers with the field's message.
    const expiresInDays = /^\d+$/.test(days.trim()) ? Number(days) : days;
    await run(() => createApiTokenAction({ name, scope, expiresInDays }));
  }
  return (
    <div className="space-y-4">
      {created && (
        <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm">
          <p className="font-medium text-emerald-900">
            Token “{created.name}” created. Copy it now: it is shown only this once.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <input
              readOnly
              aria-label="New API token"
              value={created.token}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded border border-emerald-300 bg-surface px-2 py-1 font-mono text-slate-900"
            />
            <Button
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.token).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="text-emerald-900">
            Use it as <code className="font-mono">Authorization: Bearer {created.token.slice(0, 10)}…</code>
          </p>
        </div>
      )}
      <form onSubmit={submit} className="flex flex-wrap items-start gap-3" aria-label="Create an API token" noValidate>
        <div className="min-w-64 flex-1">
          <Field label="Token name" hint="What will use it, e.g. “Airflow value DAG”." error={errors.name}>
            {(props) => <TextInput {...props} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />}
          </Field>
        </div>
        <Field label="Scope" hint="Read only cannot change anything." error={errors.scope}>
          {(props) => (
            <Select {...props} value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value="read-only">Read only</option>
              <option value="read-write">Read and write</option>
              <option value="deploy:check">Deployment check only (CI/CD)</option>
            </Select>
          )}
        </Field>
        <div className="w-40">
          <Field label="Expires in (days)" hint="1 to 365." error={errors.expiresInDays}>
            {(props) => (
              <TextInput {...props} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
            )}
          </Field>
        </div>
        {/* Level with the inputs: below a label's height. */}
        <div className="pt-6">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create token"}
          </Button>
        </div>
      </form>
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
    </div>
  );
}
