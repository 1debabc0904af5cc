"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/lifecycle";
import { createUserAction } from "@/server/actions/admin-users";

type Created = { name: string; email: string; password: string };

/**
 * Add a user, or invite one: the same thing while there is no email. The first password is
 * generated, shown here once to hand over, and never stored in clear.
 */
export function CreateUserForm({ teams }: { teams: string[] }) {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("BUSINESS");
  const [team, setTeam] = useState("");
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);
  const { pending, errors, message, run } = useSubmit<Created>((data) => {
    setCreated({ name: data.name, email: data.email, password: data.password });
    setCopied(false);
    setEmail("");
    setName("");
    setTeam("");
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    await run(() => createUserAction({ email, name, role, team }));
  }
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-surface p-4" aria-labelledby="add-user">
      <h2 id="add-user" className="text-base font-semibold">
        Add or invite a user
      </h2>
      {created && (
        <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm">
          <p className="font-medium text-emerald-900">
            {created.name} ({created.email}) can sign in with this first password. Hand it over now: it is shown only
            this once, and no email is sent.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <input
              readOnly
              aria-label="First password"
              value={created.password}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded border border-emerald-300 bg-surface px-2 py-1 font-mono text-slate-900"
            />
            <Button
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(created.password).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="text-emerald-900">They can choose their own password under Profile once signed in.</p>
        </div>
      )}
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Add a user" noValidate>
        <Field label="Email" error={errors.email}>
          {(props) => (
            <TextInput
              {...props}
              type="email"
              value={email}
              maxLength={254}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Name" error={errors.name}>
          {(props) => <TextInput {...props} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Role" error={errors.role}>
          {(props) => (
            <Select {...props} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Team" error={errors.team} hint="Optional.">
          {(props) => (
            <TextInput
              {...props}
              list="new-user-teams"
              value={team}
              maxLength={80}
              onChange={(e) => setTeam(e.target.value)}
            />
          )}
        </Field>
        <datalist id="new-user-teams">
          {teams.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <div className="sm:col-span-2 lg:col-span-4">
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add user"}
          </Button>
        </div>
      </form>
      {message && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
    </section>
  );
}
